import { publicProcedure } from "../../trpc";
import { promoteInput, promoteOutput } from "./schemas";

export const draftPromoteProcedure = publicProcedure
  .input(promoteInput)
  .output(promoteOutput)
  .mutation(({ input, ctx }) => ctx.services.skillJobs.promote(ctx.userId, input.jobId, input));
