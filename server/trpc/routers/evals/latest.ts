import { publicProcedure } from "../../trpc";
import { latestInput, latestOutput } from "./schemas";

/** The caller's latest finished eval of a skill (the library page shows it), or null. */
export const latestProcedure = publicProcedure
  .input(latestInput)
  .output(latestOutput)
  .query(async ({ input, ctx }) => ctx.services.evalJobs.latest(ctx.userId, input.path));
