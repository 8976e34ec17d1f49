import type { z } from "zod";
import type { ReviewPrompt } from "../../../../contracts/checkpoints";
import {
  DIMENSION_LABELS,
  dimensionsBelowBar,
  type ContentScores,
  type JudgeView,
  type QualityDetails,
} from "../../../../contracts/validation";
import { JUDGE_DIMENSIONS, type JudgeOutput } from "../../../llm/steps/assess-quality";
import type { testCasesSchema } from "../../../llm/steps/generate-test-cases";
import type { Plan } from "../../../llm/steps/index";
import type { Finding, ValidationReport } from "../../../skills/validator/index";

export type TestCases = z.infer<typeof testCasesSchema>;

/** Everything Phase 3 learned about one version of the content (the job's result carries it). */
export interface SkillAssessment {
  passed: boolean;
  /** The overall content score compared with the threshold (the heuristic, moved by the judge when it ran). */
  score: number;
  findings: Finding[];
  scores: ContentScores;
  quality: QualityDetails;
  /** The dimensions under the bar with their worst evidence, then the judge's weaknesses. */
  weaknesses: string[];
  strengths: string[];
}

/** How far the model judge may move the deterministic score: down more than up, never a verdict on its own. */
export const JUDGE_MAX_RAISE = 0.1;
export const JUDGE_MAX_LOWER = 0.15;

const round2 = (n: number): number => Math.round(n * 100) / 100;
const normalise = (text: string): string => text.replace(/\s+/g, " ").trim().toLowerCase();

/** Keeps only the judge's quotes that really are in the skill: a judge cannot cite what is not there. */
function verifiedQuotes(quotes: string[], content: string): string[] {
  const haystack = normalise(content);
  return quotes.filter((quote) => quote.trim().length >= 8 && haystack.includes(normalise(quote)));
}

/** The judge's verdict for the report: measured (with verified quotes), failed, or not run. */
export function judgeView(judge: JudgeOutput, content: string, engine: string): JudgeView {
  if (!judge.measured) return { status: engine === "offline" ? "not_run" : "failed", reason: judge.summary };
  const dimensions = JUDGE_DIMENSIONS.map((id) => ({
    id,
    score: judge[id].score,
    evidence: verifiedQuotes(judge[id].evidence, content),
  }));
  const cited = dimensions.filter((d) => d.evidence.length > 0).length;
  if (cited < Math.ceil(JUDGE_DIMENSIONS.length / 2))
    return {
      status: "failed",
      reason: "The model judge quoted text that is not in the skill; its scores were ignored.",
    };
  const score = judge.overallScore * (1 - judge.correctnessRisk.score / 2);
  return {
    status: "measured",
    engine,
    score: round2(score),
    correctnessRisk: judge.correctnessRisk.score,
    dimensions,
    summary: judge.summary,
  };
}

/** The heuristic score, moved towards the judge's by half the gap, within the bounds above. */
export function combinedScore(heuristic: number, judge: JudgeView): number {
  if (judge.status !== "measured") return heuristic;
  const moved = heuristic + (judge.score - heuristic) / 2;
  return round2(Math.min(heuristic + JUDGE_MAX_RAISE, Math.max(heuristic - JUDGE_MAX_LOWER, moved)));
}

function reasons(report: ValidationReport): string[] {
  return dimensionsBelowBar(report.quality).map((d) => {
    const lost = d.evidence.find((e) => e.effect === "-");
    const where = lost ? ` — line ${lost.line ?? "?"}: "${lost.quote}" (${lost.note})` : "";
    return `${DIMENSION_LABELS[d.id]} ${d.score.toFixed(2)}: ${d.summary}${where}`;
  });
}

/** Rule findings and the content score (deterministic, plus the judge when it ran) → the assessment. */
export function combineAssessment(report: ValidationReport, judge: JudgeView, threshold: number): SkillAssessment {
  const score = combinedScore(report.scores.overall, judge);
  const errors = report.findings.some((f) => f.severity === "error");
  const measured = judge.status === "measured";
  return {
    passed: !errors && score >= threshold,
    score,
    findings: report.findings,
    scores: { ...report.scores, overall: score },
    quality: { ...report.quality, threshold, judge },
    weaknesses: [...reasons(report), ...(measured ? [`Model judge: ${judge.summary}`] : [])],
    strengths: report.quality.dimensions
      .filter((d) => d.score >= 0.8)
      .map((d) => `${DIMENSION_LABELS[d.id]} ${d.score.toFixed(2)}: ${d.summary}`),
  };
}

/** Share of trigger phrases that appear in at least one positive test query (docs/workflow.md, Validation). */
export function triggerCoverage(plan: Plan, tests: TestCases): number {
  if (plan.triggerPhrases.length === 0) return 0;
  const positives = tests.positiveTests.map((t) => t.toLowerCase());
  const covered = plan.triggerPhrases.filter((p) => positives.some((t) => t.includes(p.toLowerCase())));
  return Math.round((covered.length / plan.triggerPhrases.length) * 1000) / 1000;
}

function verdictLine(a: SkillAssessment): string {
  const errors = a.findings.filter((f) => f.severity === "error").length;
  const verdict = a.passed ? "Passes" : "Does not pass";
  return `${verdict}: content quality ${a.score.toFixed(2)} against the pass mark ${a.quality.threshold}; ${errors} specification error${errors === 1 ? "" : "s"}.`;
}

function reportText(a: SkillAssessment): string {
  const errors = a.findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId}: ${f.message}`);
  const judge = a.quality.judge;
  return [
    verdictLine(a),
    judge.status === "measured"
      ? `Model judge (${judge.engine}): ${judge.score.toFixed(2)}, correctness risk ${judge.correctnessRisk.toFixed(2)}.`
      : `Model judge did not run: ${judge.reason}`,
    ...(a.weaknesses.length ? ["", "Below the bar:", ...a.weaknesses.map((s) => `- ${s}`)] : []),
    ...(errors.length ? ["", "Specification errors:", ...errors.slice(0, 10).map((s) => `- ${s}`)] : []),
  ].join("\n");
}

/** The review checkpoint's payload: the verdict, its reasons and the full quality details. */
export function reviewPrompt(assessment: SkillAssessment, content: string, tests: TestCases): ReviewPrompt {
  return {
    report: reportText(assessment),
    passed: assessment.passed,
    validationScore: assessment.score,
    content,
    strengths: assessment.strengths.slice(0, 3),
    weaknesses: assessment.weaknesses,
    issues: assessment.findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId}: ${f.message}`),
    testCaseCount: tests.positiveTests.length + tests.negativeTests.length + tests.edgeCases.length,
    testCasesPreview: tests.positiveTests.slice(0, 3),
    quality: assessment.quality,
    scores: assessment.scores,
  };
}
