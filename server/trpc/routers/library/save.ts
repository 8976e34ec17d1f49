import { publicProcedure } from "../../trpc";
import { saveInput, savedOutput } from "./schemas";
import { savedView } from "./saved";

/** A new version made on `baseVersion`; CONFLICT (with the changes made meanwhile in `data.details`) when stale. */
export const saveProcedure = publicProcedure
  .input(saveInput)
  .output(savedOutput)
  .mutation(async ({ input, ctx }) => {
    const version = await ctx.services.library.edit({
      path: input.path,
      baseNumber: input.baseVersion,
      inputs: input.files,
      authorId: ctx.userId,
      message: input.message,
    });
    return savedView(ctx.services.library, input.path, version);
  });
