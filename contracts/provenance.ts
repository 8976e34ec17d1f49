import { z } from "zod";

/**
 * Who wrote a step's output, and what it took (docs/models.md, Provenance). Recorded with every model step and shown
 * by the timeline, the job page, the CLI and the API, so output the offline engine wrote when a model failed is never
 * presented as the model's work.
 */
export const OUTPUT_SOURCES = ["model", "fallback", "offline"] as const;
export type OutputSource = (typeof OUTPUT_SOURCES)[number];

/** Why a request was made: the first ask, or what the one before it needed. */
export const REQUEST_KINDS = ["ask", "reask", "retry", "larger-budget", "without-strict"] as const;

/** How one HTTP request to the model ended. */
export const REQUEST_OUTCOMES = [
  "ok",
  "invalid-reply",
  "cut",
  "timeout",
  "rate-limited",
  "server-error",
  "network",
  "refused",
  "schema-refused",
  "error",
] as const;
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number];

export const requestRecordSchema = z.object({
  kind: z.enum(REQUEST_KINDS),
  outcome: z.enum(REQUEST_OUTCOMES),
  /** The HTTP status when the server answered with an error. */
  status: z.number().int().nullable(),
  /** What went wrong, in a line ("" when the request succeeded). */
  detail: z.string(),
  durationMs: z.number(),
});
export type RequestRecord = z.infer<typeof requestRecordSchema>;

/** Token counts; null where the provider did not report them (unknown, never 0). */
export const tokenCountSchema = z.object({
  input: z.number().nullable(),
  output: z.number().nullable(),
  total: z.number().nullable(),
});
export type TokenCount = z.infer<typeof tokenCountSchema>;

export const provenanceSchema = z.object({
  /** The model step (`synthesizePlan`, `generateContent`, …). */
  step: z.string(),
  source: z.enum(OUTPUT_SOURCES),
  /** The engine asked: `provider:model`, or `offline`. */
  engine: z.string(),
  /** For a fallback: why the model's output was not used (the last failure, in words). */
  reason: z.string().nullable(),
  /** Every request made for this step, in order. */
  requests: z.array(requestRecordSchema),
  tokens: tokenCountSchema,
  /** True when the server refused strict JSON-schema mode and the step was asked again without it. */
  strictDropped: z.boolean(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

/** Provenance as stored data is read back: a record that does not parse is treated as unknown, never guessed. */
export function readProvenance(value: unknown): Provenance | null {
  const parsed = provenanceSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
