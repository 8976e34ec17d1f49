import { isTrackedEnvelope, tracked, type TrackedEnvelope } from "@trpc/server";
import { z } from "zod";
import { CHECKPOINT_TYPES } from "../../../../contracts/checkpoints";
import { EVENT_TYPES, JOB_STATUSES } from "../../../../contracts/job-status";
import { findingSchema } from "../../../skills/validator/schemas";

/** Wire shapes of the jobs area, for all its procedures. */
export const jobIdInput = z.object({ jobId: z.uuid({ message: "jobId must be a UUID" }) });

export const jsonObject = z.record(z.string(), z.json());

export const jobStatusSchema = z.enum(JOB_STATUSES);

export const jobOptionsSchema = z.object({
  confirmPlan: z.boolean(),
  previewContent: z.boolean(),
  reviewValidation: z.boolean(),
  streamTokens: z.boolean(),
});

export const jobResultSchema = z.object({
  name: z.string().nullable(),
  description: z.string().nullable(),
  path: z.string().nullable(),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  content: z.string().nullable(),
  /** The validation the job ran (rule findings, model assessment); null for jobs that never got that far. */
  validation: z
    .object({
      findings: z.array(findingSchema),
      complianceScore: z.number().nullable(),
      strengths: z.array(z.string()),
      weaknesses: z.array(z.string()),
      triggerCoverage: z.number().nullable(),
    })
    .nullable(),
  engine: z.string().nullable(),
});

export const pendingCheckpointSchema = z.object({
  id: z.string(),
  type: z.enum(CHECKPOINT_TYPES),
  prompt: jsonObject,
  deadline: z.date(),
});

export const jobDetailSchema = z.object({
  id: z.string(),
  status: jobStatusSchema,
  phase: z.string().nullable(),
  progress: z.number(),
  progressMessage: z.string().nullable(),
  task: z.string(),
  options: jobOptionsSchema,
  pendingCheckpoint: pendingCheckpointSchema.nullable(),
  result: jobResultSchema.nullable(),
  draftPath: z.string().nullable(),
  finalPath: z.string().nullable(),
  promoted: z.boolean(),
  error: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  startedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
});

export const jobSummarySchema = z.object({
  id: z.string(),
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

export const listInput = z.object({
  status: jobStatusSchema.optional(),
  q: z.string().max(200).optional(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

export const listOutput = z.object({ items: z.array(jobSummarySchema), nextCursor: z.string().nullable() });

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

export const eventsInput = z.object({
  jobId: z.uuid({ message: "jobId must be a UUID" }),
  lastEventId: z.string().regex(/^\d+$/).nullish(),
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
});

const checkpointSchema = z.object({
  id: z.string(),
  key: z.string(),
  type: z.enum(CHECKPOINT_TYPES),
  prompt: jsonObject,
  status: z.enum(["pending", "answered", "cancelled", "expired", "superseded"]),
  response: jsonObject.nullable(),
  answeredAt: z.date().nullable(),
  deadline: z.date(),
  createdAt: z.date(),
});

export const timelineOutput = z.object({
  steps: z.array(stepSchema),
  checkpoints: z.array(checkpointSchema),
  events: z.array(jobEventSchema),
});

export const cancelOutput = z.object({ jobId: z.string(), status: jobStatusSchema, cancelRequested: z.boolean() });
