import { z } from "zod";

/** Wire shapes of the system area. */
export const systemInfoOutput = z.object({
  engine: z.string(),
  offline: z.boolean(),
  database: z.string(),
  databaseKind: z.enum(["pglite", "postgresql"]),
  version: z.string(),
});
