import { z } from "zod";
import { get } from "../../../skills/library";
import { publicProcedure } from "../../trpc";
import { libraryEntrySchema, skillPathInput } from "./schemas";

export const getProcedure = publicProcedure
  .input(skillPathInput)
  .output(
    libraryEntrySchema.extend({
      content: z.string(),
      files: z.array(z.string()),
      metadata: z.record(z.string(), z.unknown()).nullable(),
    }),
  )
  .query(async ({ input }) => {
    const { dir: _dir, ...detail } = await get(input.path);
    return detail;
  });
