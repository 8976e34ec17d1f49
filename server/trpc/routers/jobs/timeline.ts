import { publicProcedure } from "../../trpc";
import { jobIdInput, timelineOutput } from "./schemas";
import { timelineView } from "./views";

export const timelineProcedure = publicProcedure
  .input(jobIdInput)
  .output(timelineOutput)
  .query(async ({ input, ctx }) => timelineView(await ctx.services.jobs.timeline(ctx.userId, input.jobId)));
