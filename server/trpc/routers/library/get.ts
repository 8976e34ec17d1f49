import { publicProcedure } from "../../trpc";
import { detailOutput, getInput } from "./schemas";
import { detailView } from "./views";

export const getProcedure = publicProcedure
  .input(getInput)
  .output(detailOutput)
  .query(async ({ input, ctx }) => detailView(await ctx.services.library.get(input.path, input.version)));
