import { publicProcedure } from "../../trpc";
import { listInput, listOutput } from "./schemas";
import { countsView, summaryView } from "./views";

export const listProcedure = publicProcedure
  .input(listInput)
  .output(listOutput)
  .query(async ({ input, ctx }) => {
    const { items, nextCursor, counts } = await ctx.services.jobs.list(ctx.userId, input);
    return { items: items.map(summaryView), nextCursor, counts: countsView(counts) };
  });
