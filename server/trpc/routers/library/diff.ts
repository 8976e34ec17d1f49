import { publicProcedure } from "../../trpc";
import { diffInput, diffOutput } from "./schemas";

/** What changed between two versions (any two: library versions or a draft's), file by file. */
export const diffProcedure = publicProcedure
  .input(diffInput)
  .output(diffOutput)
  .query(async ({ input, ctx }) => ({ changes: await ctx.services.library.diff(input.from, input.to) }));
