import { bullets, frontmatter } from "../../server/llm/offline/markdown";
import type { JudgeOutput } from "../../server/llm/steps/assess-quality";
import { metadataRecord, type Plan } from "../../server/llm/steps/schemas";
import type { StepName } from "../../server/llm/steps/names";

/**
 * What the scripted model says where the offline engine deliberately does not pretend to be a model: it writes a
 * finished skill (a fixed, specific body under the plan's name and description), applies review feedback with
 * finished text, and gives a judge's verdict quoting the content. Journeys then end like they would with a real
 * model: `completed`, unless a scenario scripts otherwise.
 */
export const MODEL_ONLY_STEPS: ReadonlySet<StepName> = new Set([
  "generateContent",
  "incorporateFeedback",
  "assessQuality",
]);

/** A finished, specific body: a release check an expert would write (the topic is fixed; this is a test double). */
export const FINISHED_BODY = `# Release checks

Run these checks after every deploy of the \`web\` service, in this order. Stop at the first failure and roll back.

## Checks

1. Wait for the rollout: \`kubectl rollout status deployment/web --timeout=120s\`. A timeout means pods are not Ready.
2. Check the health endpoint: \`curl -fsS https://staging.example.com/healthz\` must return \`200\` within 2 seconds.
3. Compare error rates: the 5xx rate in the first 10 minutes must stay under 1% (Grafana panel "HTTP 5xx by route").
4. Run the smoke suite: \`npx playwright test tests/smoke --project=chromium --retries=0\`.

## Rolling back

\`\`\`bash
kubectl rollout undo deployment/web
kubectl rollout status deployment/web --timeout=120s
\`\`\`

If \`kubectl rollout undo\` prints \`error: no rollout history found\`, redeploy the previous image tag from
\`deploy/releases.json\` with \`kubectl set image deployment/web web=registry.example.com/web:<previous-tag>\`.

## Common failures

| Symptom | Cause | Fix |
|---------|-------|-----|
| \`ImagePullBackOff\` | Tag not pushed yet | Re-run the \`publish-image\` CI job |
| \`CrashLoopBackOff\` with \`ECONNREFUSED 5432\` | Database secret missing | Check \`kubectl get secret web-db\` |
| Health check returns \`503\` | Migrations still running | Wait for the \`migrate\` job: \`kubectl wait --for=condition=complete job/migrate --timeout=300s\` |
`;

/** A weak first draft (low-quality scenarios): generic advice the content-quality model rejects. */
export const WEAK_BODY = `# Release checks

## Instructions

1. Follow best practices for every release.
2. Make sure everything works as expected.
3. Handle errors gracefully.
4. Check the results and fix any issues.
`;

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

export function finishedSkill(plan: Pick<Plan, "name" | "description" | "metadata">, body = FINISHED_BODY): string {
  return `${frontmatter(plan.name, plan.description, metadataRecord(plan.metadata))}\n${body}`;
}

function generated(input: unknown, body: string): Record<string, unknown> {
  const plan = record(record(input).plan) as Pick<Plan, "name" | "description" | "metadata">;
  const skillContent = finishedSkill(
    { name: plan.name, description: plan.description, metadata: plan.metadata ?? [] },
    body,
  );
  return {
    skillContent,
    sectionsGenerated: [...skillContent.matchAll(/^##\s+(.+)$/gm)].map((m) => m[1] ?? ""),
    codeExamplesCount: 1,
    estimatedReadingTime: 2,
    reasoning: "Scripted model: a finished skill.",
  };
}

/** "Add a section on X" → a finished section about X (a model writes the content; the offline engine marks it). */
function withFeedback(input: unknown): Record<string, unknown> {
  const { currentContent, feedback } = record(input) as { currentContent?: string; feedback?: string };
  const subjects = (feedback ?? "")
    .split(/\n|(?<=[.!?])\s+/)
    .map(
      (line) =>
        /(?:add|include|cover)\s+(?:a\s+)?(?:section\s+)?(?:on|about|for)?\s*(.+?)[.!]?$/i.exec(
          line.replace(/^[-*]\s+/, ""),
        )?.[1],
    )
    .filter((subject): subject is string => Boolean(subject));
  const sections = subjects.map(
    (subject) =>
      `## ${subject.charAt(0).toUpperCase()}${subject.slice(1)}\n\n${bullets([
        `Record each ${subject} run in \`docs/runbook.md\`: the date, the command (\`kubectl rollout undo deployment/web\`) and the minutes to recover.`,
        `Repeat it every 30 days; a run that takes over 15 minutes is an incident to review.`,
      ])}`,
  );
  return {
    revisedContent: `${(currentContent ?? "").trimEnd()}\n\n${sections.join("\n\n")}\n`,
    changesMade: subjects.map((subject) => `Added a section on ${subject}`),
    changesRejected: [],
    qualityImpact: subjects.length ? "improved" : "unchanged",
    reasoning: "Scripted model: feedback applied.",
  };
}

/** A judge's verdict that quotes the content it was given (two quotes per dimension, taken verbatim). */
export function scriptedJudge(input: unknown, overallScore = 0.85): JudgeOutput {
  const content = String(record(input).skillContent ?? "");
  const quotes = content
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length >= 12 && !line.startsWith("---"))
    .slice(0, 2);
  const judged = (score: number) => ({ score, evidence: quotes });
  return {
    measured: true,
    specificity: judged(overallScore),
    actionability: judged(overallScore),
    templateResidue: judged(1),
    examples: judged(overallScore),
    triggerQuality: judged(overallScore),
    progressiveDisclosure: judged(1),
    correctnessRisk: judged(0.1),
    overallScore,
    strengths: ["Concrete commands with their expected output"],
    weaknesses: [],
    summary: `Scripted judge: ${overallScore >= 0.75 ? "specific and actionable" : "too generic to act on"}.`,
  };
}

/** The scripted model's answer for a model-only step. */
export function modelAnswer(step: StepName, input: unknown): unknown {
  if (step === "generateContent") return generated(input, FINISHED_BODY);
  if (step === "incorporateFeedback") return withFeedback(input);
  return scriptedJudge(input);
}

/** The weak first draft a low-quality scenario writes. */
export function weakDraft(input: unknown): unknown {
  return generated(input, WEAK_BODY);
}
