import { z } from "zod";
import { evalResultSchema, MAX_EVAL_RUNS } from "../../../../contracts/eval-result";
import { EVAL_NOTE_MAX_CHARS } from "../../../../contracts/limits";
import { cleanString } from "../../../../contracts/text";
import { jobStatusSchema } from "../jobs/schemas";
import { requestIdSchema } from "../skills/schemas";

/**
 * Wire shapes of the evals area: start an eval of a job's draft or a library skill, read its result, decide on the
 * description it proposed, give feedback on its outputs.
 */
const path = cleanString().trim().min(1, "path must not be empty").max(400, "path must be at most 400 characters");

export const evalSourceSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("job"), jobId: z.uuid({ message: "jobId must be a UUID" }) }),
  z.strictObject({ kind: z.literal("library"), path, version: z.number().int().min(1).optional() }),
]);

export const startInput = z.strictObject({
  source: evalSourceSchema,
  runs: z.number().int().min(1).max(MAX_EVAL_RUNS).optional(),
  requestId: requestIdSchema.optional(),
  /** A library version of the same skill to compare with, instead of running without the skill. */
  compareWith: z.number().int().min(1, "compareWith must be a version number (1 or more)").optional(),
  /** Propose a better description from the trigger evals' misses (default true). */
  tune: z.boolean().optional(),
});

export const startOutput = z.object({ jobId: z.string() });

export const getInput = z.strictObject({ jobId: z.uuid({ message: "jobId must be a UUID" }) });

/** A finished eval: its job, when it was started, its figures. */
export const finishedEvalSchema = z.object({ jobId: z.string(), createdAt: z.date(), result: evalResultSchema });

/** The decision on the description an eval proposed, and the version an accepted one was saved as. */
export const decisionSchema = z.object({
  decision: z.enum(["accept", "reject"]),
  description: z.string(),
  versionId: z.string().nullable(),
  /** The library version number; null for a draft's revision. */
  versionNumber: z.number().int().nullable(),
  decidedAt: z.date(),
});

/** The caller's rating and note on one output of an eval: a case, a side (with the skill or without), a run. */
const side = z.enum(["with", "without"], { message: "side must be 'with' or 'without'" });
const rating = z.enum(["good", "bad"], { message: "rating must be 'good', 'bad' or null" }).nullable();

export const feedbackSchema = z.object({
  caseId: z.string(),
  side,
  run: z.number().int(),
  rating,
  note: z.string(),
  updatedAt: z.date(),
});

export const getOutput = z.object({
  jobId: z.string(),
  status: jobStatusSchema,
  error: z.string().nullable(),
  /** Null until the eval has finished. */
  result: evalResultSchema.nullable(),
  /** The caller's finished eval of the same skill before this one, to compare with; null when none. */
  previous: finishedEvalSchema.nullable(),
  /** What the user decided on the proposed description; null until they decide. */
  decision: decisionSchema.nullable(),
  /** The caller's feedback on this eval's outputs (docs/evals.md, Feedback). */
  feedback: z.array(feedbackSchema),
});

export const decideDescriptionInput = z.strictObject({
  jobId: z.uuid({ message: "jobId must be a UUID" }),
  decision: z.enum(["accept", "reject"], { message: "decision must be 'accept' or 'reject'" }),
});

export const decideDescriptionOutput = decisionSchema;

export const latestInput = z.strictObject({ path });

export const latestOutput = finishedEvalSchema.nullable();

export const feedbackInput = z.strictObject({
  jobId: z.uuid({ message: "jobId must be a UUID" }),
  caseId: cleanString().min(1, "caseId must not be empty").max(128, "caseId must be at most 128 characters"),
  side,
  run: z.number({ message: "run must be a number" }).int("run must be a whole number").min(1, "run must be 1 or more"),
  rating,
  note: cleanString()
    .trim()
    .max(EVAL_NOTE_MAX_CHARS, `note must be at most ${EVAL_NOTE_MAX_CHARS.toLocaleString("en")} characters`),
});
