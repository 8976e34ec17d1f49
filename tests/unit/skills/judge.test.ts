import { describe, expect, it } from "vitest";
import { scriptedJudge } from "@/dev/scripted/finished";
import type { JudgeView } from "@/contracts/validation";
import { assessQuality, type JudgeOutput } from "@/server/llm/steps/assess-quality";
import type { Plan } from "@/server/llm/steps/schemas";
import { validateSkillContent } from "@/server/skills/validator";
import {
  combineAssessment,
  combinedScore,
  JUDGE_MAX_LOWER,
  JUDGE_MAX_RAISE,
  judgeView,
} from "@/server/workflows/skill/validation/validation-report";

/**
 * The model judge beside the deterministic model: its quotes must be in the skill, it moves the score only within
 * bounds (never deciding alone), and when it did not run the report says so instead of showing a figure.
 */
const SKILL = `---
name: release-checks
description: Runs the release checks for the web service (rollout status, health endpoint, 5xx rate). Use after every deploy.
---

# Release checks

1. Wait for the rollout: \`kubectl rollout status deployment/web --timeout=120s\`.
2. Check \`curl -fsS https://staging.example.com/healthz\` returns \`200\` within 2 seconds.
3. Keep the 5xx rate under 1% for 10 minutes (Grafana panel "HTTP 5xx by route").
`;

const PLAN: Plan = {
  name: "release-checks",
  description: "Runs the release checks for the web service. Use after every deploy.",
  taxonomyPath: "devops/release-checks",
  triggerPhrases: [],
  negativeTriggers: [],
  skillCategory: "workflow_automation",
  tags: [],
  outline: [{ title: "Checks", description: "" }],
  guidance: "",
  successCriteria: ["The release is checked"],
  estimatedLength: "short",
  metadata: [],
  rationale: "",
};
const measured = (score: number): JudgeView => ({
  status: "measured",
  engine: "m",
  score,
  correctnessRisk: 0,
  dimensions: [],
  summary: "",
});

const judged = (overallScore: number, evidence?: string[]): JudgeOutput => {
  const judge = scriptedJudge({ skillContent: SKILL }, overallScore);
  if (!evidence) return judge;
  const withQuotes = (d: JudgeOutput["specificity"]) => ({ ...d, evidence });
  return {
    ...judge,
    specificity: withQuotes(judge.specificity),
    actionability: withQuotes(judge.actionability),
    templateResidue: withQuotes(judge.templateResidue),
    examples: withQuotes(judge.examples),
    triggerQuality: withQuotes(judge.triggerQuality),
    progressiveDisclosure: withQuotes(judge.progressiveDisclosure),
    correctnessRisk: withQuotes(judge.correctnessRisk),
  };
};

describe("model judge", () => {
  it("offline it does not run, and says so", async () => {
    const input = { skillContent: SKILL, plan: PLAN, successCriteria: [] };
    const offline = assessQuality.offline(input);
    expect(offline.measured).toBe(false);
    expect(judgeView(offline, SKILL, "offline")).toEqual({ status: "not_run", reason: offline.summary });
    const failed = assessQuality.fallback?.(input);
    expect(judgeView(failed ?? offline, SKILL, "openai:gpt-4.1")).toMatchObject({ status: "failed" });
  });

  it("keeps only quotes that are in the skill; a judge citing text that is not there is ignored", () => {
    const honest = judgeView(judged(0.8), SKILL, "openai:gpt-4.1");
    expect(honest).toMatchObject({ status: "measured", engine: "openai:gpt-4.1" });
    const invented = judgeView(judged(0.9, ["Use the --turbo flag to skip all checks"]), SKILL, "openai:gpt-4.1");
    expect(invented).toMatchObject({ status: "failed", reason: expect.stringMatching(/not in the skill/) });
  });

  it("moves the deterministic score halfway towards its own, within bounds", () => {
    expect(combinedScore(0.7, measured(0.8))).toBeCloseTo(0.75);
    expect(combinedScore(0.4, measured(1))).toBeCloseTo(0.4 + JUDGE_MAX_RAISE);
    expect(combinedScore(0.9, measured(0))).toBeCloseTo(0.9 - JUDGE_MAX_LOWER);
    expect(combinedScore(0.7, { status: "not_run", reason: "no model" })).toBe(0.7);
  });

  it("cannot pass filler on its word alone, nor fail a strong skill alone", () => {
    const filler = validateSkillContent(
      "---\nname: kubernetes-deployments\ndescription: Use when deploying to Kubernetes.\n---\n\n# Kubernetes\n\n- Follow best practices.\n- Make sure everything works.\n",
    );
    const praised = combineAssessment(filler, judgeView(judged(1), SKILL, "m"), 0.65);
    expect(praised.passed).toBe(false);
    const strong = validateSkillContent(SKILL);
    expect(strong.passed).toBe(true);
    const panned = combineAssessment(strong, measured(0), 0.65);
    expect(panned.score).toBeCloseTo(strong.scores.overall - JUDGE_MAX_LOWER);
    expect(panned.quality.judge.status).toBe("measured");
  });
});
