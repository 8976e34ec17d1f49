import { z } from "zod";
import { CHECKPOINT_TYPES, EVENT_TYPES, JOB_STATUSES } from "../../../durable/types";
import { findingSchema } from "../skills/schemas";

/** Wire shapes of the jobs area (SPEC §6), shared by its procedures. */
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
