import { PGlite } from "@electric-sql/pglite";
import fs from "node:fs/promises";
import { inject } from "vitest";
import { openDatabase, prismaOverPglite, type Database } from "../../server/db/client";
import { TEST_DATABASE_URL, createScratchDatabase } from "./pg-scratch";

/**
 * A fresh, migrated database for one test file (or one test). By default a real PostgreSQL (PGlite) in memory,
 * loaded from the template the global setup built. With TEST_DATABASE_URL=postgresql://… (a server the tests may
 * create databases on) each call creates its own database there, migrates it, and drops it on close, so the
 * same suites run against a real PostgreSQL. Close it in afterAll/afterEach.
 */
export async function openTestDatabase(): Promise<Database> {
  return TEST_DATABASE_URL ? openPostgresTestDatabase() : openPgliteTestDatabase();
}

export const usingPostgres = (): boolean => TEST_DATABASE_URL !== null;

async function openPgliteTestDatabase(): Promise<Database> {
  const template = await fs.readFile(inject("pgliteTemplate"));
  const pglite = await PGlite.create({ loadDataDir: new Blob([template]) });
  return { ...prismaOverPglite(pglite), target: { kind: "pglite", dataDir: null }, description: "pglite (in memory)" };
}

async function openPostgresTestDatabase(): Promise<Database> {
  const scratch = await createScratchDatabase();
  const database = await openDatabase({ kind: "postgres", url: scratch.url }, { migrate: true });
  return {
    ...database,
    close: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}
