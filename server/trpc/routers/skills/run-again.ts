import { publicProcedure } from "../../trpc";
import { createOutput, runAgainInput } from "./schemas";

/** A new job with the task and options of a failed or cancelled one (PRECONDITION_FAILED for any other job). */
export const runAgainProcedure = publicProcedure
  .input(runAgainInput)
  .output(createOutput)
  .mutation(async ({ input, ctx }) => {
    ctx.services.limits.jobs.take(ctx.userId);
    return { jobId: (await ctx.services.skillJobs.runAgain(ctx.userId, input.jobId, input.requestId)).id };
  });
