import { z } from "zod";
import { evalResultSchema, MAX_EVAL_RUNS } from "../../../../contracts/eval-result";
import { cleanString } from "../../../../contracts/text";
import { jobStatusSchema } from "../jobs/schemas";
import { requestIdSchema } from "../skills/schemas";

/** Wire shapes of the evals area: start an eval of a job's draft or a library skill, read its result. */
const path = cleanString().trim().min(1, "path must not be empty").max(400, "path must be at most 400 characters");

export const evalSourceSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("job"), jobId: z.uuid({ message: "jobId must be a UUID" }) }),
  z.strictObject({ kind: z.literal("library"), path, version: z.number().int().min(1).optional() }),
]);

export const startInput = z.strictObject({
  source: evalSourceSchema,
  runs: z.number().int().min(1).max(MAX_EVAL_RUNS).optional(),
  requestId: requestIdSchema.optional(),
});

export const startOutput = z.object({ jobId: z.string() });

export const getInput = z.strictObject({ jobId: z.uuid({ message: "jobId must be a UUID" }) });

/** A finished eval: its job, when it was started, its figures. */
export const finishedEvalSchema = z.object({ jobId: z.string(), createdAt: z.date(), result: evalResultSchema });

export const getOutput = z.object({
  jobId: z.string(),
  status: jobStatusSchema,
  error: z.string().nullable(),
  /** Null until the eval has finished. */
  result: evalResultSchema.nullable(),
  /** The caller's finished eval of the same skill before this one, to compare with; null when none. */
  previous: finishedEvalSchema.nullable(),
});

export const latestInput = z.strictObject({ path });

export const latestOutput = finishedEvalSchema.nullable();
