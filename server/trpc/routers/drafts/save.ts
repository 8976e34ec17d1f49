import { publicProcedure } from "../../trpc";
import { draftOutput, saveDraftInput } from "./schemas";

/** An edit of the draft on `revision`; CONFLICT (the changes made meanwhile in `data.details`) when stale. */
export const draftSaveProcedure = publicProcedure
  .input(saveDraftInput)
  .output(draftOutput)
  .mutation(({ input, ctx }) => ctx.services.skillJobs.saveDraft(ctx.userId, input));
