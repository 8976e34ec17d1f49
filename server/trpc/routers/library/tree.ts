import { z } from "zod";
import { publicProcedure } from "../../trpc";
import { treeOutput } from "./schemas";

export const treeProcedure = publicProcedure
  .input(z.void())
  .output(treeOutput)
  .query(async ({ ctx }) => ({ nodes: await ctx.services.library.tree() }));
