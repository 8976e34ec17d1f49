import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/**
 * The small raw-SQL surface the migration runner needs, over either an embedded PGlite or a PostgreSQL server.
 * Prisma is not used here: migrations must run before the schema the client was generated for exists.
 */
export interface SqlTx {
  exec(sql: string): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<void>;
}

export interface SqlSession {
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  transaction(fn: (tx: SqlTx) => Promise<void>): Promise<void>;
  /** Serialises concurrent runners (several servers booting on one PostgreSQL). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function pgliteSession(db: PGlite): SqlSession {
  return {
    rows: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    transaction: async (fn) => {
      await db.transaction(async (tx) => {
        await fn({
          exec: async (sql) => void (await tx.exec(sql)),
          query: async (sql, params) => void (await tx.query(sql, params)),
        });
      });
    },
    // The data-folder lock already guarantees a single process; PGlite serialises queries itself.
    exclusive: (fn) => fn(),
    close: async () => undefined,
  };
}

const MIGRATION_LOCK_ID = 727_274_001; // arbitrary, constant: pg_advisory_lock key for our runner

export async function postgresSession(url: string): Promise<SqlSession> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    rows: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    transaction: async (fn) => {
      await client.query("BEGIN");
      try {
        await fn({
          exec: async (sql) => void (await client.query(sql)),
          query: async (sql, params) => void (await client.query(sql, params)),
        });
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    exclusive: async (fn) => {
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
      try {
        return await fn();
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]);
      }
    },
    close: () => client.end(),
  };
}
