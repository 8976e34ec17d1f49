import { z } from "zod";
import { publicProcedure } from "../../trpc";
import { xmlOutput } from "./schemas";

export const xmlProcedure = publicProcedure
  .input(z.void())
  .output(xmlOutput)
  .query(async ({ ctx }) => ({ xml: await ctx.services.library.xml() }));
