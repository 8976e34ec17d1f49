import { PGlite } from "@electric-sql/pglite";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, prismaOverPglite, type Database } from "../../server/db/client";

/**
 * A fresh, migrated database for one test file (or one test). By default a real PostgreSQL (PGlite) in memory,
 * loaded from the template the global setup built. With TEST_DATABASE_URL=postgresql://… (a server the tests may
 * create databases on) each call creates its own database there, migrates it, and drops it on close, so the
 * same suites run against a real PostgreSQL. Close it in afterAll/afterEach.
 */
export async function openTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? openPostgresTestDatabase(serverUrl) : openPgliteTestDatabase();
}

export const usingPostgres = (): boolean => Boolean(process.env.TEST_DATABASE_URL);

async function openPgliteTestDatabase(): Promise<Database> {
  const template = await fs.readFile(inject("pgliteTemplate"));
  const pglite = await PGlite.create({ loadDataDir: new Blob([template]) });
  return { ...prismaOverPglite(pglite), target: { kind: "pglite", dataDir: null }, description: "pglite (in memory)" };
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

async function openPostgresTestDatabase(serverUrl: string): Promise<Database> {
  const name = `skill_fleet_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString() }, { migrate: true });
  return {
    ...database,
    close: async () => {
      await database.close();
      await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
