import { PGlite } from "@electric-sql/pglite";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate, MigrationError, readMigrations } from "../../../server/db/migrate";
import { pgliteSession, postgresSession, type SqlSession } from "../../../server/db/sql-session";
import { createScratchDatabase, TEST_DATABASE_URL } from "../../support/pg-scratch";

/**
 * The SQL migration runner against a real PostgreSQL: embedded (PGlite) always, and a PostgreSQL server too when
 * TEST_DATABASE_URL is set (CI). Migration folders are made per test.
 */
interface Target {
  name: string;
  open(): Promise<{ session: SqlSession; close(): Promise<void> }>;
}

const pgliteTarget: Target = {
  name: "PGlite",
  open: async () => {
    const pglite = await PGlite.create("memory://");
    return { session: pgliteSession(pglite), close: () => pglite.close() };
  },
};

const postgresTarget: Target = {
  name: "PostgreSQL server",
  open: async () => {
    const scratch = await createScratchDatabase();
    const session = await postgresSession(scratch.url);
    return {
      session,
      close: async () => {
        await session.close();
        await scratch.drop();
      },
    };
  },
};

let dir: string;
let session: SqlSession;
let closeTarget: () => Promise<void>;

async function writeMigration(name: string, sql: string): Promise<void> {
  await fs.mkdir(path.join(dir, name), { recursive: true });
  await fs.writeFile(path.join(dir, name, "migration.sql"), sql);
}

async function tables(): Promise<string[]> {
  const rows = await session.rows<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  return rows.map((r) => r.table_name);
}

async function applied(): Promise<string[]> {
  return (await session.rows<{ name: string }>(`SELECT "name" FROM "_app_migrations" ORDER BY "name"`)).map(
    (r) => r.name,
  );
}

describe.each(TEST_DATABASE_URL ? [pgliteTarget, postgresTarget] : [pgliteTarget])(
  "migration runner on $name",
  (target) => {
    beforeEach(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), "sf-migrations-"));
      ({ session, close: closeTarget } = await target.open());
    });

    afterEach(async () => {
      await closeTarget();
      await fs.rm(dir, { recursive: true, force: true });
    });

    it("applies every migration of the project to a fresh database, in name order", async () => {
      const names = (await readMigrations()).map((m) => m.name);
      expect(await migrate(session)).toEqual(names);
      expect(await tables()).toEqual(
        expect.arrayContaining(["Job", "JobStep", "Checkpoint", "JobEvent", "_app_migrations"]),
      );
      expect(await applied()).toEqual(names);
    });

    it("is a no-op when run again", async () => {
      await writeMigration("0001_a", `CREATE TABLE "A" ("id" INT PRIMARY KEY);`);
      await writeMigration("0002_b", `CREATE TABLE "B" ("id" INT PRIMARY KEY);`);
      expect(await migrate(session, dir)).toEqual(["0001_a", "0002_b"]);
      expect(await migrate(session, dir)).toEqual([]);
      expect(await applied()).toEqual(["0001_a", "0002_b"]);
    });

    it("applies only the new file after one is added", async () => {
      await writeMigration("0001_a", `CREATE TABLE "A" ("id" INT PRIMARY KEY);`);
      await migrate(session, dir);
      await writeMigration("0002_b", `ALTER TABLE "A" ADD COLUMN "name" TEXT;`);
      expect(await migrate(session, dir)).toEqual(["0002_b"]);
    });

    it("rejects an applied migration whose file was edited, and applies nothing", async () => {
      await writeMigration("0001_a", `CREATE TABLE "A" ("id" INT PRIMARY KEY);`);
      await migrate(session, dir);
      await writeMigration("0001_a", `CREATE TABLE "A" ("id" INT PRIMARY KEY, "x" INT);`);
      await writeMigration("0002_b", `CREATE TABLE "B" ("id" INT PRIMARY KEY);`);
      await expect(migrate(session, dir)).rejects.toThrow(/0001_a was edited after it was applied/);
      expect(await tables()).not.toContain("B");
    });

    it("rolls a failing migration back entirely and does not record it", async () => {
      await writeMigration("0001_a", `CREATE TABLE "A" ("id" INT PRIMARY KEY);`);
      await writeMigration("0002_bad", `CREATE TABLE "B" ("id" INT PRIMARY KEY);\nINSERT INTO "Nope" VALUES (1);`);
      const error = await migrate(session, dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toMatch(/0002_bad failed and was rolled back: .*"Nope"/);
      expect(await tables()).toContain("A");
      expect(await tables()).not.toContain("B");
      expect(await applied()).toEqual(["0001_a"]);
    });

    it("refuses a database migrated by a newer version (an applied migration missing here)", async () => {
      await writeMigration("0001_a", `CREATE TABLE "A" ("id" INT PRIMARY KEY);`);
      await migrate(session, dir);
      await fs.rm(path.join(dir, "0001_a"), { recursive: true });
      await expect(migrate(session, dir)).rejects.toThrow(/has migration 0001_a, which this code does not know/);
    });
  },
);

describe.runIf(TEST_DATABASE_URL)("migration runner with several servers booting at once", () => {
  it("serialises concurrent runners on one PostgreSQL: each file applied exactly once", async () => {
    const scratch = await createScratchDatabase();
    const sessions = await Promise.all(Array.from({ length: 4 }, () => postgresSession(scratch.url)));
    try {
      const results = await Promise.all(sessions.map((s) => migrate(s)));
      const names = (await readMigrations()).map((m) => m.name);
      expect(results.flat().sort()).toEqual(names.sort());
      const [first] = sessions;
      const rows =
        (await first?.rows<{ count: string }>(`SELECT count(*)::text AS count FROM "_app_migrations"`)) ?? [];
      expect(rows[0]?.count).toBe(String(names.length));
    } finally {
      await Promise.all(sessions.map((s) => s.close()));
      await scratch.drop();
    }
  });
});
