import type { z } from "zod";
import type { StepName } from "./names";

export type { StepName } from "./names";

/**
 * One workflow step that a model (or the offline engine) performs. The workflow engine codes against this shape;
 * `runStep` turns it into a structured model call.
 */
export interface StepDefinition<I, O> {
  name: StepName;
  input: z.ZodType<I>;
  output: z.ZodType<O>;
  /** Our own words; the user's task and any skill content are quoted as data (see prompts/data.ts). */
  prompt(input: I): { system: string; prompt: string };
  /** The deterministic offline engine's implementation. */
  offline(input: I): O;
  /** The documented fallback (docs/workflow.md, Fallbacks), used by withLlmFallback when fallbacks are allowed. */
  fallback?: (input: I) => O;
  /**
   * "always": the reference applies this fallback whatever SKILL_FLEET_ALLOW_LLM_FALLBACK says (structure
   * validation falls back to its rules). Default "when-enabled".
   */
  fallbackPolicy?: "when-enabled" | "always";
  /** Output field whose text is streamed as tokens. */
  streamField?: string;
  /** Post-processing applied to every output (model or offline), e.g. stamping which engine wrote it. */
  finalize?: (output: O, context: { engine: string; input: I }) => O;
}
