import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { SqlSession } from "./sql-session";

/**
 * Our migration runner (Prisma's migrate engine cannot be downloaded here). Each
 * `prisma/migrations/NNNN_name/migration.sql` is applied once, in name order, inside a transaction together with
 * its record in `_app_migrations` (name + sha256), so a failing file leaves no trace. Editing a file that was
 * already applied is an error: write a new migration instead.
 */
export const DEFAULT_MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_app_migrations" (
  "name" TEXT PRIMARY KEY,
  "checksum" TEXT NOT NULL,
  "appliedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
)`;

export async function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await fs.readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory() && /^\d{4}_[a-z0-9_]+$/.test(e.name))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await fs.readFile(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

function checkApplied(files: MigrationFile[], applied: Map<string, string>): void {
  const known = new Set(files.map((f) => f.name));
  for (const name of applied.keys()) {
    if (!known.has(name))
      throw new MigrationError(
        `The database has migration ${name}, which this code does not know: it was migrated by a newer version.`,
      );
  }
  for (const file of files) {
    const checksum = applied.get(file.name);
    if (checksum !== undefined && checksum !== file.checksum) {
      throw new MigrationError(
        `Migration ${file.name} was edited after it was applied (recorded sha256 ${checksum.slice(0, 12)}…, file ${file.checksum.slice(0, 12)}…). ` +
          `Restore the file and write a new migration with npm run db:new-migration -- <name>.`,
      );
    }
  }
}

async function applyOne(session: SqlSession, file: MigrationFile): Promise<void> {
  try {
    await session.transaction(async (tx) => {
      await tx.exec(file.sql);
      await tx.query(`INSERT INTO "_app_migrations" ("name", "checksum") VALUES ($1, $2)`, [file.name, file.checksum]);
    });
  } catch (error) {
    throw new MigrationError(
      `Migration ${file.name} failed and was rolled back: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** Applies every pending migration; returns the names applied (empty when the database is up to date). */
export async function migrate(session: SqlSession, dir = DEFAULT_MIGRATIONS_DIR): Promise<string[]> {
  const files = await readMigrations(dir);
  return session.exclusive(async () => {
    await session.rows(CREATE_TABLE);
    const rows = await session.rows<{ name: string; checksum: string }>(
      `SELECT "name", "checksum" FROM "_app_migrations"`,
    );
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    checkApplied(files, applied);
    const pending = files.filter((f) => !applied.has(f.name));
    for (const file of pending) await applyOne(session, file);
    return pending.map((f) => f.name);
  });
}
