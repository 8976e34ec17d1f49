import { publicProcedure } from "../../trpc";
import { jobDetailSchema, jobIdInput } from "./schemas";
import { detailView } from "./views";

export const getProcedure = publicProcedure
  .input(jobIdInput)
  .output(jobDetailSchema)
  .query(async ({ input, ctx }) => {
    const { jobs, skillJobs } = ctx.services;
    const job = await jobs.get(ctx.userId, input.jobId);
    return detailView(job, await jobs.pendingCheckpoint(job), await skillJobs.draftState(job));
  });
