import { publicProcedure } from "../../trpc";
import { listInput, listOutput } from "./schemas";
import { listedView } from "./views";

/** Skills with their latest version, filtered; plus every category and tag of the live library for the filters. */
export const listProcedure = publicProcedure
  .input(listInput)
  .output(listOutput)
  .query(async ({ input, ctx }) => {
    const all = await ctx.services.library.list();
    const items = await ctx.services.library.list(input);
    const categories = [...new Set(all.map((skill) => skill.category).filter(Boolean))].sort();
    const tags = [...new Set(all.flatMap((skill) => skill.tags))].sort();
    return { items: items.map(listedView), categories, tags };
  });
