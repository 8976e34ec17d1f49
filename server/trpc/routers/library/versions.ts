import { publicProcedure } from "../../trpc";
import { versionsWithRisk } from "./risks";
import { skillPathInput, versionsOutput } from "./schemas";

/** Every numbered version, newest first, with its scan and how it raised the risk of the one before (if it did). */
export const versionsProcedure = publicProcedure
  .input(skillPathInput)
  .output(versionsOutput)
  .query(async ({ input, ctx }) => {
    const versions = await ctx.services.library.versions(input.path);
    return { items: await versionsWithRisk(ctx.services.versionRisks, input.path, versions) };
  });
