import { z } from "zod";
import { availableSkillsXml } from "../../../skills/library";
import { publicProcedure } from "../../trpc";

export const xmlProcedure = publicProcedure
  .input(z.void())
  .output(z.object({ xml: z.string() }))
  .query(async () => ({ xml: await availableSkillsXml() }));
