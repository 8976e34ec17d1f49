import { publicProcedure } from "../../trpc";
import { skillPathInput, versionsOutput } from "./schemas";
import { versionView } from "./views";

export const versionsProcedure = publicProcedure
  .input(skillPathInput)
  .output(versionsOutput)
  .query(async ({ input, ctx }) => ({ items: (await ctx.services.library.versions(input.path)).map(versionView) }));
