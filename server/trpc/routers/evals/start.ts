import { publicProcedure } from "../../trpc";
import { startInput, startOutput } from "./schemas";

/** Starts an eval job; refused (BAD_REQUEST) without a model or with malformed eval files. */
export const startProcedure = publicProcedure
  .input(startInput)
  .output(startOutput)
  .mutation(async ({ input, ctx }) => {
    ctx.services.limits.jobs.take(ctx.userId);
    const job = await ctx.services.evalJobs.start(ctx.userId, input);
    return { jobId: job.id };
  });
