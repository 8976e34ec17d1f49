import { z } from "zod";
import { systemInfo } from "../../../system/info";
import { publicProcedure } from "../../trpc";

export const systemInfoOutput = z.object({
  engine: z.string(),
  offline: z.boolean(),
  database: z.string(),
  databaseKind: z.enum(["pglite", "postgresql"]),
  version: z.string(),
});

export const infoProcedure = publicProcedure
  .input(z.void())
  .output(systemInfoOutput)
  .query(() => systemInfo());
