import { publicProcedure } from "../../trpc";
import { searchInput, searchOutput } from "./schemas";

export const searchProcedure = publicProcedure
  .input(searchInput)
  .output(searchOutput)
  .query(async ({ input, ctx }) => ({
    items: (await ctx.services.library.list({ q: input.q })).map(({ path, name, description, tags }) => ({
      path,
      name,
      description,
      tags,
    })),
  }));
