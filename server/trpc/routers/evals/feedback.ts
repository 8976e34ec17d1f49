import { publicProcedure } from "../../trpc";
import { feedbackInput, feedbackSchema } from "./schemas";

/**
 * The caller's rating and note on one output of a finished eval, replacing the previous one (docs/evals.md,
 * Feedback). No rate limit: a row written per person and output, replaced in place, is no costly action
 * (docs/security.md, Limits), and counting it against job starts would block starting evals.
 */
export const feedbackProcedure = publicProcedure
  .input(feedbackInput)
  .output(feedbackSchema)
  .mutation(async ({ input, ctx }) => ctx.services.evalJobs.feedback(ctx.userId, input));
