import { publicProcedure } from "../../trpc";
import { getInput, getOutput } from "./schemas";

/** An eval job's status and, once finished, its figures, answers and verdicts. */
export const getProcedure = publicProcedure
  .input(getInput)
  .output(getOutput)
  .query(async ({ input, ctx }) => {
    const { job, result, previous, feedback } = await ctx.services.evalJobs.result(ctx.userId, input.jobId);
    const decision = await ctx.services.evalDescriptions.find(ctx.userId, input.jobId);
    return { jobId: job.id, status: job.status, error: job.error, result, previous, decision, feedback };
  });
