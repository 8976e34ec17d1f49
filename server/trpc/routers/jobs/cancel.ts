import { publicProcedure } from "../../trpc";
import { cancelOutput, jobIdInput } from "./schemas";

/** Status after the call: `cancelled` at once for an idle job; a running one stops at its next await. */
export const cancelProcedure = publicProcedure
  .input(jobIdInput)
  .output(cancelOutput)
  .mutation(async ({ input, ctx }) => {
    const job = await ctx.services.jobs.cancel(ctx.userId, input.jobId);
    return { jobId: job.id, status: job.status, cancelRequested: job.cancelRequested };
  });
