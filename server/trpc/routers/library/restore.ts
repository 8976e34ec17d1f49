import { publicProcedure } from "../../trpc";
import { restoreInput, savedOutput } from "./schemas";
import { savedView } from "./saved";

/** An old version brought back as a new version on top of `baseVersion`. */
export const restoreProcedure = publicProcedure
  .input(restoreInput)
  .output(savedOutput)
  .mutation(async ({ input, ctx }) => {
    const version = await ctx.services.library.restore({
      path: input.path,
      number: input.version,
      baseNumber: input.baseVersion,
      authorId: ctx.userId,
    });
    return savedView(ctx.services.library, input.path, version);
  });
