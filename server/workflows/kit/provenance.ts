import { readProvenance } from "../../../contracts/provenance";
import type { WorkflowContext } from "../../durable/engine";

/**
 * The steps of a run whose output the offline engine wrote after the model failed (docs/models.md, Fallbacks): a
 * workflow names them in its result and never presents their output as the model's work.
 */
export interface FellBack {
  key: string;
  step: string;
  engine: string;
  reason: string;
}

export async function fallbacksOf(ctx: WorkflowContext): Promise<FellBack[]> {
  const fellBack: FellBack[] = [];
  for (const record of await ctx.steps()) {
    const provenance = readProvenance(record.provenance);
    if (provenance?.source !== "fallback") continue;
    const { step, engine, reason } = provenance;
    fellBack.push({ key: record.key, step, engine, reason: reason ?? "unknown reason" });
  }
  return fellBack;
}

/** Model steps in words, for a reason a person reads. */
const STEP_WORDS: Record<string, string> = {
  synthesizePlan: "the plan",
  generateContent: "the content",
  refineContent: "the refined content",
  incorporateFeedback: "the revised content",
  refineSkill: "the refined skill",
  improveSkill: "the improved skill",
  assessQuality: "the quality judgement",
};

/** "the plan (synthesizePlan) and the content (generateContent)": the steps in words. */
function stepList(fellBack: readonly FellBack[]): string {
  const named = [...new Set(fellBack.map((f) => (STEP_WORDS[f.step] ? `${STEP_WORDS[f.step]} (${f.step})` : f.step)))];
  return named.length > 1 ? `${named.slice(0, -1).join(", ")} and ${named.at(-1)}` : (named[0] ?? "");
}

/**
 * The fallbacks among `steps` that keep a job from passing (a workflow names the steps whose output is the skill),
 * and the reason the job waits for review, in words; null when none fell back.
 */
export function fallbackReview(
  fellBack: readonly FellBack[],
  steps: ReadonlySet<string>,
): { mustReview: FellBack[]; reason: string | null } {
  const mustReview = fellBack.filter((f) => steps.has(f.step));
  const first = mustReview[0];
  if (!first) return { mustReview, reason: null };
  const why = `${first.engine} failed (${first.reason})`;
  return {
    mustReview,
    reason: `The offline engine wrote ${stepList(mustReview)} because the model could not: ${why}.`,
  };
}
