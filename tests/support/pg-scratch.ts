import { randomUUID } from "node:crypto";
import pg from "pg";

/**
 * A throw-away database on the PostgreSQL server named by TEST_DATABASE_URL (CI starts one with scripts/pg.sh),
 * so the suites that run on embedded PGlite also run on a real server. Returns null when no server is configured.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || null;

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL ?? undefined });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createScratchDatabase(): Promise<ScratchDatabase> {
  if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is not set");
  const name = `sf_test_${randomUUID().replaceAll("-", "")}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(async (client) => void (await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}
