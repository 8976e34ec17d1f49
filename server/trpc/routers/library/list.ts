import { publicProcedure } from "../../trpc";
import { listInput, listOutput } from "./schemas";
import { listedWithRisk } from "./risks";

/**
 * Skills with their latest version and its risk (cached per version id), filtered; plus every category and tag of
 * the live library for the filters.
 */
export const listProcedure = publicProcedure
  .input(listInput)
  .output(listOutput)
  .query(async ({ input, ctx }) => {
    const all = await ctx.services.library.list();
    const items = await ctx.services.library.list(input);
    const categories = [...new Set(all.map((skill) => skill.category).filter(Boolean))].sort();
    const tags = [...new Set(all.flatMap((skill) => skill.tags))].sort();
    const withRisk = await Promise.all(items.map((skill) => listedWithRisk(ctx.services.versionRisks, skill)));
    return { items: withRisk, categories, tags };
  });
