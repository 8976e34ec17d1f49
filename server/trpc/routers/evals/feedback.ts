import { publicProcedure } from "../../trpc";
import { feedbackInput, feedbackSchema } from "./schemas";

/**
 * The caller's rating and note on one output of a finished eval, replacing the previous one (docs/evals.md,
 * Feedback). No rate limit: the limits (docs/security.md, Limits) are on jobs and validations, and one row per
 * person and output, replaced in place, is neither; counting it as a job start would block starting evals.
 */
export const feedbackProcedure = publicProcedure
  .input(feedbackInput)
  .output(feedbackSchema)
  .mutation(async ({ input, ctx }) => ctx.services.evalJobs.feedback(ctx.userId, input));
