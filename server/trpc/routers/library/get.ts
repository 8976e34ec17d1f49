import { z } from "zod";
import { get } from "../../../skills/library";
import { validateSkillDirectory } from "../../../skills/validator";
import { validationReportSchema } from "../skills/schemas";
import { publicProcedure } from "../../trpc";
import { libraryEntrySchema, skillPathInput } from "./schemas";

export const getProcedure = publicProcedure
  .input(skillPathInput)
  .output(
    libraryEntrySchema.extend({
      content: z.string(),
      files: z.array(z.string()),
      metadata: z.record(z.string(), z.unknown()).nullable(),
      /** The whole folder validated (references, sizes, names), not just its SKILL.md. */
      validation: validationReportSchema,
    }),
  )
  .query(async ({ input }) => {
    const { dir, ...detail } = await get(input.path);
    return { ...detail, validation: await validateSkillDirectory(dir) };
  });
