import { provenanceSchema } from "../../../../contracts/provenance";
import { isTrackedEnvelope, tracked, type TrackedEnvelope } from "@trpc/server";
import { z } from "zod";
import { CHECKPOINT_SCHEMAS, CHECKPOINT_TYPES, type CheckpointType } from "../../../../contracts/checkpoints";
import { EVENT_TYPES, JOB_STATUSES } from "../../../../contracts/job-status";
import { cleanString } from "../../../../contracts/text";
import { contentScoresSchema, findingSchema, qualityDetailsSchema } from "../../../../contracts/validation";

/** Wire shapes of the jobs area, for all its procedures. */
export const jobIdInput = z.strictObject({ jobId: z.uuid({ message: "jobId must be a UUID" }) });

export const jsonObject = z.record(z.string(), z.json());

export const jobStatusSchema = z.enum(JOB_STATUSES);

export const jobOptionsSchema = z.object({
  confirmPlan: z.boolean(),
  previewContent: z.boolean(),
  reviewValidation: z.boolean(),
  streamTokens: z.boolean(),
});

export const fellBackSchema = z.object({ key: z.string(), step: z.string(), engine: z.string(), reason: z.string() });

export const jobResultSchema = z.object({
  name: z.string().nullable(),
  description: z.string().nullable(),
  path: z.string().nullable(),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  content: z.string().nullable(),
  /** The validation the job ran (rule findings, content scores with evidence); null before it got that far. */
  validation: z
    .object({
      findings: z.array(findingSchema),
      scores: contentScoresSchema.nullable(),
      quality: qualityDetailsSchema.nullable(),
      strengths: z.array(z.string()),
      weaknesses: z.array(z.string()),
      triggerCoverage: z.number().nullable(),
    })
    .nullable(),
  engine: z.string().nullable(),
  /** True when the skill is the offline engine's unfinished scaffold. */
  scaffold: z.boolean(),
  /** What to do next with the result, in words. */
  nextSteps: z.array(z.string()),
  /** Steps whose output the offline engine wrote because the model failed (docs/models.md, Fallbacks). */
  fellBack: z.array(fellBackSchema),
  /** Why the job waits for review although its validation may have passed (a plan or content that fell back). */
  reviewReason: z.string().nullable(),
});

/**
 * Checkpoints as clients read them. Each prompt (and, in the timeline, each answer) is checked here, at the edge,
 * against its type's schema, so clients get them typed (`readable: true`) and need no validator of their own; one
 * that does not fit is sent as it is with `readable: false` and the problem, for the client to say so.
 */
const readable = z.literal(true);

type Schemas<T extends CheckpointType> = (typeof CHECKPOINT_SCHEMAS)[T];

function readableCheckpoint<T extends CheckpointType, S extends z.ZodRawShape>(
  type: T,
  { prompt }: Pick<Schemas<T>, "prompt">,
  shape: S,
) {
  return z.object({ ...shape, readable, type: z.literal(type), prompt });
}

function answeredCheckpoint<T extends CheckpointType, R extends z.ZodType, S extends z.ZodRawShape>(
  type: T,
  schemas: Pick<Schemas<T>, "prompt"> & { response: R },
  shape: S,
) {
  return readableCheckpoint(type, schemas, shape).extend({ response: schemas.response.nullable() });
}

function unreadableCheckpoint<S extends z.ZodRawShape>(shape: S) {
  return z.object({ ...shape, readable: z.literal(false), type: z.enum(CHECKPOINT_TYPES), problem: z.string() });
}

const checkpointBase = { id: z.string(), deadline: z.date() };
const pendingBase = {
  ...checkpointBase,
  /** The text this checkpoint's plan or SKILL.md revises (its previous version), for a diff; else null. */
  previous: z.string().nullable(),
};

export const readablePendingCheckpointSchema = z.discriminatedUnion("type", [
  readableCheckpoint("clarify", CHECKPOINT_SCHEMAS.clarify, pendingBase),
  readableCheckpoint("structure_fix", CHECKPOINT_SCHEMAS.structure_fix, pendingBase),
  readableCheckpoint("confirm", CHECKPOINT_SCHEMAS.confirm, pendingBase),
  readableCheckpoint("preview", CHECKPOINT_SCHEMAS.preview, pendingBase),
  readableCheckpoint("validate", CHECKPOINT_SCHEMAS.validate, pendingBase),
]);

export const pendingCheckpointSchema = z.union([
  readablePendingCheckpointSchema,
  unreadableCheckpoint({ ...pendingBase, prompt: jsonObject }),
]);

/** The workflow that runs the job (Job.workflow): `skill`, `improve`, `eval`… */
const workflowName = z.string();

export const jobDetailSchema = z.object({
  id: z.string(),
  workflow: workflowName,
  status: jobStatusSchema,
  phase: z.string().nullable(),
  progress: z.number(),
  progressMessage: z.string().nullable(),
  task: z.string(),
  options: jobOptionsSchema,
  pendingCheckpoint: pendingCheckpointSchema.nullable(),
  /** For a failed job: the step that failed (null when it failed outside a step, e.g. an unanswered checkpoint). */
  failedStep: z.object({ key: z.string(), error: z.string().nullable() }).nullable(),
  result: jobResultSchema.nullable(),
  /** The job's draft in the library (docs/library.md): its skill path, latest revision and version. */
  draft: z.object({ skillPath: z.string(), revision: z.number().int(), versionId: z.string() }).nullable(),
  /** Where the draft was promoted to, once it was: the library path and version number. */
  finalPath: z.string().nullable(),
  finalVersion: z.number().int().nullable(),
  promoted: z.boolean(),
  error: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  startedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
});

export const jobSummarySchema = z.object({
  id: z.string(),
  workflow: workflowName,
  status: jobStatusSchema,
  phase: z.string().nullable(),
  progress: z.number(),
  task: z.string(),
  error: z.string().nullable(),
  score: z.number().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  startedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
});

export const listInput = z.strictObject({
  status: jobStatusSchema.optional(),
  q: cleanString().max(200, "q must be at most 200 characters").optional(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

/** Jobs matching the search (not the status filter) per status, every status present (0 when none). */
export const statusCountsSchema = z.record(jobStatusSchema, z.number().int().min(0));

export const listOutput = z.object({
  items: z.array(jobSummarySchema),
  nextCursor: z.string().nullable(),
  counts: statusCountsSchema,
});

export const jobEventSchema = z.object({
  seq: z.number().int(),
  type: z.enum(EVENT_TYPES),
  phase: z.string().nullable(),
  message: z.string(),
  data: jsonObject,
  createdAt: z.date(),
});

export const tokenEventSchema = z.object({
  type: z.literal("token"),
  phase: z.string().nullable(),
  text: z.string(),
  /** The step's text so far is void (the model was asked again): start it anew with this text. */
  reset: z.boolean().optional(),
  createdAt: z.date(),
});

export const streamEventSchema = z.union([jobEventSchema, tokenEventSchema]);
export type StreamEvent = z.infer<typeof streamEventSchema>;
export type StreamYield = TrackedEnvelope<StreamEvent> | StreamEvent;

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/** Output validation for a subscription: every yielded value is checked (tracked ones inside their envelope). */
export const eventsOutput = z
  .custom<AsyncIterable<StreamYield>>(isAsyncIterable, "expected an async iterable")
  .transform(async function* (stream) {
    for await (const value of stream) {
      if (isTrackedEnvelope(value)) yield tracked(value[0], streamEventSchema.parse(value[1]));
      else yield streamEventSchema.parse(value);
    }
  });

/** Event sequence numbers are PostgreSQL integers: a resume point beyond that range cannot exist. */
const MAX_EVENT_SEQ = 2_147_483_647;

export const eventsInput = z.strictObject({
  jobId: z.uuid({ message: "jobId must be a UUID" }),
  lastEventId: z
    .string()
    .regex(/^\d{1,10}$/, "lastEventId must be an event number (digits only)")
    .refine((id) => Number(id) <= MAX_EVENT_SEQ, `lastEventId must be at most ${MAX_EVENT_SEQ}`)
    .nullish(),
});

const stepSchema = z.object({
  key: z.string(),
  status: z.enum(["running", "completed", "failed"]),
  error: z.string().nullable(),
  attempts: z.number().int(),
  startedAt: z.date(),
  completedAt: z.date().nullable(),
  durationMs: z.number().nullable(),
  usage: z.object({
    inputTokens: z.number().optional(),
    outputTokens: z.number().optional(),
    totalTokens: z.number().optional(),
  }),
  /** `offline` or `provider:model`; null for steps that call no model. */
  model: z.string().nullable(),
  /** Estimated USD (tokens × list price); null when the model's price or the token counts are unknown. */
  costUsd: z.number().nullable(),
  input: z.json(),
  output: z.json(),
  /** Who wrote the output (model, fallback, offline) and every request made; null for plain computations. */
  provenance: provenanceSchema.nullable(),
});

/** The whole job at a glance: wall time, time spent in steps, tokens and estimated cost. */
const timelineTotalsSchema = z.object({
  /** First step's start to the last step's end; null before any step ran. */
  wallMs: z.number().nullable(),
  stepMs: z.number(),
  /** Null when a model step's provider did not report its count (unknown, not 0). */
  inputTokens: z.number().nullable(),
  outputTokens: z.number().nullable(),
  totalTokens: z.number().nullable(),
  /** Null as soon as one model step's cost is unknown (a partial sum would read as the whole). */
  costUsd: z.number().nullable(),
});

const pastBase = {
  ...checkpointBase,
  key: z.string(),
  status: z.enum(["pending", "answered", "cancelled", "expired", "superseded"]),
  answeredAt: z.date().nullable(),
  createdAt: z.date(),
};

export const readablePastCheckpointSchema = z.discriminatedUnion("type", [
  answeredCheckpoint("clarify", CHECKPOINT_SCHEMAS.clarify, pastBase),
  answeredCheckpoint("structure_fix", CHECKPOINT_SCHEMAS.structure_fix, pastBase),
  answeredCheckpoint("confirm", CHECKPOINT_SCHEMAS.confirm, pastBase),
  answeredCheckpoint("preview", CHECKPOINT_SCHEMAS.preview, pastBase),
  answeredCheckpoint("validate", CHECKPOINT_SCHEMAS.validate, pastBase),
]);

const checkpointSchema = z.union([
  readablePastCheckpointSchema,
  unreadableCheckpoint({ ...pastBase, prompt: jsonObject, response: jsonObject.nullable() }),
]);

export const timelineOutput = z.object({
  steps: z.array(stepSchema),
  totals: timelineTotalsSchema,
  checkpoints: z.array(checkpointSchema),
  events: z.array(jobEventSchema),
});

export const cancelOutput = z.object({ jobId: z.string(), status: jobStatusSchema, cancelRequested: z.boolean() });
