import { publicProcedure } from "../../trpc";
import { jobDetailSchema, jobIdInput } from "./schemas";
import { detailView } from "./views";

export const getProcedure = publicProcedure
  .input(jobIdInput)
  .output(jobDetailSchema)
  .query(async ({ input, ctx }) => {
    const { jobs } = ctx.services;
    const job = await jobs.get(ctx.userId, input.jobId);
    const [checkpoint, failedStep] = await Promise.all([jobs.pendingCheckpoint(job), jobs.failedStep(job)]);
    return detailView(job, checkpoint, failedStep);
  });
