import type { Intent, Plan, Requirements } from "../../../llm/steps/index";
import type { ConfirmPrompt } from "../../../../contracts/checkpoints";

const bullet = (items: string[]): string[] => items.map((item) => `- ${item}`);

/** The confirm checkpoint's recap of the plan (docs/workflow.md, Checkpoints), in the order a reviewer reads it. */
export function confirmPrompt(
  plan: Plan,
  analysis: { requirements: Requirements; intent: Pick<Intent, "scope" | "targetAudience"> },
): ConfirmPrompt {
  const { requirements, intent } = analysis;
  const summary = [
    `Skill: ${plan.name}`,
    `Description: ${plan.description}`,
    `Taxonomy path: ${plan.taxonomyPath}`,
    `Target level: ${requirements.targetLevel}`,
    `Topics: ${requirements.topics.slice(0, 8).join(", ")}`,
    "",
    "Outline:",
    ...bullet(plan.outline.map((o) => o.title)),
    "",
    "Scope:",
    intent.scope,
    "",
    "Success criteria:",
    ...bullet(plan.successCriteria.slice(0, 8)),
  ].join("\n");
  const keyAssumptions = [
    `Target level is ${requirements.targetLevel}.`,
    requirements.constraints.length ? `Constraints: ${requirements.constraints.slice(0, 4).join("; ")}.` : null,
    `Audience: ${intent.targetAudience}.`,
    `Expected length: ${plan.estimatedLength}.`,
    plan.triggerPhrases.length ? `Triggers on: ${plan.triggerPhrases.slice(0, 3).join("; ")}.` : null,
  ].filter((a): a is string => a !== null);
  return { summary, path: plan.taxonomyPath, keyAssumptions: keyAssumptions.slice(0, 6) };
}
