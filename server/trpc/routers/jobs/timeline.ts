import { z } from "zod";
import { getJobSystem } from "../../../durable/job-system";
import { CHECKPOINT_TYPES } from "../../../durable/types";
import { publicProcedure } from "../../trpc";
import { jobEventSchema, jobIdInput, jsonObject } from "./schemas";
import { eventView } from "./views";

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

export const timelineProcedure = publicProcedure
  .input(jobIdInput)
  .output(
    z.object({ steps: z.array(stepSchema), checkpoints: z.array(checkpointSchema), events: z.array(jobEventSchema) }),
  )
  .query(async ({ input, ctx }) => {
    const timeline = await (await getJobSystem()).service.timeline(ctx.userId, input.jobId);
    return { ...timeline, events: timeline.events.map(eventView) };
  });
