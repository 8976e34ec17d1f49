import { publicProcedure } from "../../trpc";
import { draftOutput, jobIdInput } from "./schemas";

export const draftGetProcedure = publicProcedure
  .input(jobIdInput)
  .output(draftOutput)
  .query(({ input, ctx }) => ctx.services.skillJobs.draft(ctx.userId, input.jobId));
