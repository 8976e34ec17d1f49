import { publicProcedure } from "../../trpc";
import { createInput, createOutput } from "./schemas";

export const createProcedure = publicProcedure
  .input(createInput)
  .output(createOutput)
  .mutation(async ({ input, ctx }) => {
    ctx.services.limits.jobs.take(ctx.userId);
    return { jobId: (await ctx.services.skillJobs.start(ctx.userId, input)).id };
  });
