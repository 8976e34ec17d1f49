import { publicProcedure } from "../../trpc";
import { jobDetailSchema, jobIdInput } from "./schemas";
import { detailView, REVISABLE } from "./views";

export const getProcedure = publicProcedure
  .input(jobIdInput)
  .output(jobDetailSchema)
  .query(async ({ input, ctx }) => {
    const { jobs, skillJobs } = ctx.services;
    const job = await jobs.get(ctx.userId, input.jobId);
    const [checkpoint, failedStep, draft] = await Promise.all([
      jobs.pendingCheckpoint(job),
      jobs.failedStep(job),
      skillJobs.draftState(job),
    ]);
    // A checkpoint that shows a revised text also gets the text it revises (for the page's diff).
    const history = checkpoint && REVISABLE.has(checkpoint.type) ? await jobs.checkpoints(job) : [];
    return detailView(job, { checkpoint, failedStep, history, draft });
  });
