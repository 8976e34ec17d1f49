import { publicProcedure } from "../../trpc";
import { answerInput, answerOutput } from "./schemas";

export const answerProcedure = publicProcedure
  .input(answerInput)
  .output(answerOutput)
  .mutation(async ({ input, ctx }) => ({
    status: await ctx.services.jobs.answer(ctx.userId, input.jobId, input.checkpointId, input.response),
  }));
