import { publicProcedure } from "../../trpc";
import { okOutput, skillPathInput } from "./schemas";

/** Hides a skill from the library (its versions stay); `undelete` brings it back. */
export const deleteProcedure = publicProcedure
  .input(skillPathInput)
  .output(okOutput)
  .mutation(async ({ input, ctx }) => {
    await ctx.services.library.remove(input.path, ctx.userId);
    return { ok: true as const };
  });

export const undeleteProcedure = publicProcedure
  .input(skillPathInput)
  .output(okOutput)
  .mutation(async ({ input, ctx }) => {
    await ctx.services.library.undelete(input.path);
    return { ok: true as const };
  });
