import { publicProcedure } from "../../trpc";
import { decideDescriptionInput, decideDescriptionOutput } from "./schemas";

/**
 * Accepts (saved as a new version of the skill) or rejects the description an eval proposed; CONFLICT when it was
 * already decided or the skill changed since the eval, BAD_REQUEST when the eval proposed none.
 */
export const decideDescriptionProcedure = publicProcedure
  .input(decideDescriptionInput)
  .output(decideDescriptionOutput)
  .mutation(async ({ input, ctx }) => ctx.services.evalDescriptions.decide(ctx.userId, input.jobId, input.decision));
