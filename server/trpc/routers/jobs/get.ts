import { z } from "zod";
import { getJobSystem } from "../../../durable/job-system";
import { publicProcedure } from "../../trpc";
import { jobIdInput, jobOptionsSchema, jobResultSchema, jobStatusSchema, pendingCheckpointSchema } from "./schemas";
import { resultView } from "./views";

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

export const getProcedure = publicProcedure
  .input(jobIdInput)
  .output(jobDetailSchema)
  .query(async ({ input, ctx }) => {
    const { service } = await getJobSystem();
    const job = await service.get(ctx.userId, input.jobId);
    const checkpoint = await service.pendingCheckpoint(job);
    return {
      ...job,
      pendingCheckpoint: checkpoint && {
        id: checkpoint.id,
        type: checkpoint.type,
        prompt: checkpoint.prompt,
        deadline: checkpoint.deadline,
      },
      result: resultView(job),
    };
  });
