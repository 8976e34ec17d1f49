import { z } from "zod";

/**
 * An eval job's result as the server stores it and the UI and CLI read it (docs/evals.md). Every figure is
 * measured: a side with no graded run has a null mean, a cost with an unpriced call is reported apart.
 */
export const sideSummarySchema = z.object({
  /** Mean pass rate (0–1) over the graded runs; null when none was graded. */
  mean: z.number().nullable(),
  /** Sample standard deviation of the pass rates; null under two graded runs. */
  sd: z.number().nullable(),
  graded: z.number().int(),
  /** Runs that ended in a model error or timeout (left out of the mean); `timeouts` is the part that timed out. */
  errors: z.number().int(),
  // Results stored before timeouts were told apart parse with 0.
  timeouts: z.number().int().default(0),
});

export const verdictViewSchema = z.object({ assertion: z.string(), passed: z.boolean(), evidence: z.string() });

export const runViewSchema = z.object({
  run: z.number().int(),
  status: z.enum(["graded", "error"]),
  passRate: z.number().nullable(),
  answer: z.string().nullable(),
  verdicts: z.array(verdictViewSchema),
  /** For an error: where (answer or judge) and what the model said. */
  failure: z.enum(["error", "timeout"]).nullable(),
  stage: z.enum(["answer", "judge"]).nullable(),
  error: z.string().nullable(),
});

export const caseResultSchema = z.object({
  caseId: z.string(),
  prompt: z.string(),
  checks: z.array(z.string()),
  with: sideSummarySchema,
  without: sideSummarySchema,
  /** with.mean − without.mean; null when either is unknown. */
  delta: z.number().nullable(),
  runs: z.object({ with: z.array(runViewSchema), without: z.array(runViewSchema) }),
});

export const queryResultSchema = z.object({
  query: z.string(),
  shouldTrigger: z.boolean(),
  /** Runs where the model chose this skill, another one (by name), or none; errors counted apart. */
  triggered: z.number().int(),
  others: z.array(z.string()),
  none: z.number().int(),
  errors: z.number().int(),
  /** Whether the majority of graded runs did the right thing; null when every run errored. */
  passed: z.boolean().nullable(),
  /** The errors that were timeouts (a part of `errors`); 0 in results stored before they were told apart. */
  timeouts: z.number().int().default(0),
});

export const triggerResultSchema = z.object({
  queries: z.array(queryResultSchema),
  /** Run-level, for this skill; null when undefined (nothing chose it, or nothing should have). */
  precision: z.number().nullable(),
  recall: z.number().nullable(),
  /** Library skills chosen for queries that should have loaded this one. */
  collisions: z.array(z.object({ skill: z.string(), count: z.number().int() })),
  /** Runs whose call failed (never counted as "did not trigger"); `timeouts` is the part that timed out. */
  errors: z.number().int(),
  timeouts: z.number().int().default(0),
});

export const usageSummarySchema = z.object({
  calls: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  /** Sum of the model calls' durations (they overlap: wall time is the job's own). */
  modelTimeMs: z.number().int(),
  /** USD for the priced calls; null when no call had a known price. */
  costUsd: z.number().nullable(),
  /** Calls whose cost is unknown (the model is not in the price table, or the call failed). */
  costUnknownCalls: z.number().int(),
});

/** One description tried by the tuning: the share of training and of held-out queries it got right. */
export const tunedDescriptionSchema = z.object({
  description: z.string(),
  /** Queries whose majority of graded runs did the right thing ÷ graded queries; null when none was graded. */
  trainScore: z.number().nullable(),
  testScore: z.number().nullable(),
  /** Model calls that failed while scoring it (counted apart, like every eval error). */
  errors: z.number().int(),
});

export const tuningResultSchema = z.object({
  /** proposed: a description beat the current one on the held-out queries; kept: none did; skipped: see reason. */
  status: z.enum(["proposed", "kept", "skipped"]),
  reason: z.string(),
  split: z.object({ train: z.array(z.string()), test: z.array(z.string()) }),
  original: tunedDescriptionSchema,
  candidates: z.array(tunedDescriptionSchema.extend({ iteration: z.number().int() })),
  /** The best candidate by held-out score, when it beats the current description; else null. */
  proposal: z.string().nullable(),
});

/** What the "without" side ran: no skill at all, or another version of the same skill. */
export const evalBaselineSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("version"), versionId: z.string(), versionNumber: z.number().int() }),
]);

export const evalResultSchema = z.object({
  kind: z.literal("eval"),
  skillPath: z.string(),
  versionId: z.string(),
  versionNumber: z.number().int().nullable(),
  engine: z.string(),
  runs: z.number().int(),
  functional: z
    .object({
      cases: z.array(caseResultSchema),
      overall: z.object({ with: sideSummarySchema, without: sideSummarySchema, delta: z.number().nullable() }),
    })
    .nullable(),
  trigger: triggerResultSchema.nullable(),
  usage: usageSummarySchema,
  /** Older results were all against no skill. */
  baseline: evalBaselineSchema.default({ kind: "none" }),
  /** Null when the eval did not tune (older results, or tuning turned off). */
  tuning: tuningResultSchema.nullable().default(null),
});

export type EvalResult = z.infer<typeof evalResultSchema>;
export type SideSummary = z.infer<typeof sideSummarySchema>;
export type RunView = z.infer<typeof runViewSchema>;
export type TriggerResult = z.infer<typeof triggerResultSchema>;
export type UsageSummary = z.infer<typeof usageSummarySchema>;
export type TuningResult = z.infer<typeof tuningResultSchema>;
export type TunedDescription = z.infer<typeof tunedDescriptionSchema>;

/** The options of an eval job: which version of which skill, and how many runs per case. */
export const DEFAULT_EVAL_RUNS = 3;
export const MAX_EVAL_RUNS = 10;

export const evalJobOptionsSchema = z.object({
  sourceVersionId: z.uuid(),
  skillPath: z.string().min(1).max(400),
  versionNumber: z.number().int().min(1).nullable(),
  runs: z.number().int().min(1).max(MAX_EVAL_RUNS).default(DEFAULT_EVAL_RUNS),
  streamTokens: z.boolean().default(false),
  /** The version the "without" side loads instead of no skill (a comparison between versions). */
  baselineVersionId: z.uuid().nullable().default(null),
  baselineVersionNumber: z.number().int().min(1).nullable().default(null),
  /** Propose a better description from the trigger evals' misses (docs/evals.md, Description tuning). */
  tune: z.boolean().default(true),
});
export type EvalJobOptions = z.infer<typeof evalJobOptionsSchema>;
