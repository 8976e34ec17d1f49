import { PGlite } from "@electric-sql/pglite";
import fs from "node:fs/promises";
import { inject } from "vitest";
import { prismaOverPglite, type Database } from "../../server/db/client";

/**
 * A fresh, migrated embedded database for one test file (or one test): a real PostgreSQL (PGlite) in memory,
 * loaded from the template the global setup built. Close it in afterAll/afterEach.
 */
export async function openTestDatabase(): Promise<Database> {
  const template = await fs.readFile(inject("pgliteTemplate"));
  const pglite = await PGlite.create({ loadDataDir: new Blob([template]) });
  return { ...prismaOverPglite(pglite), target: { kind: "pglite", dataDir: null }, description: "pglite (in memory)" };
}
