import { z } from "zod";
import { search } from "../../../skills/library";
import { publicProcedure } from "../../trpc";
import { libraryEntrySchema } from "./schemas";

export const searchProcedure = publicProcedure
  .input(z.object({ q: z.string().max(200) }))
  .output(z.object({ items: z.array(libraryEntrySchema) }))
  .query(async ({ input }) => ({
    items: (await search(input.q)).map(({ path, name, description, tags }) => ({ path, name, description, tags })),
  }));
