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

/** "the plan (synthesizePlan) and the content (generateContent)": the steps in words, for a reason line. */
export function fallbackSentence(fellBack: readonly FellBack[], words: Record<string, string>): string {
  const named = [...new Set(fellBack.map((f) => (words[f.step] ? `${words[f.step]} (${f.step})` : f.step)))];
  const list = named.length > 1 ? `${named.slice(0, -1).join(", ")} and ${named.at(-1)}` : (named[0] ?? "");
  const first = fellBack[0];
  const why = first ? `: ${first.engine} failed (${first.reason})` : "";
  return `The offline engine wrote ${list} because the model could not${why}.`;
}
