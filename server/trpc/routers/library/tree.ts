import { z } from "zod";
import { tree } from "../../../skills/library";
import { publicProcedure } from "../../trpc";
import { treeNodeSchema } from "./schemas";

export const treeProcedure = publicProcedure
  .input(z.void())
  .output(z.object({ nodes: z.array(treeNodeSchema) }))
  .query(async () => ({ nodes: await tree() }));
