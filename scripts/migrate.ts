// `npm run db:migrate`: applies pending SQL migrations to DATABASE_URL (the embedded database by default).
// It opens the database exactly as the server does, so it takes the same data-folder lock: it refuses to run
// while the app is running on the embedded database (the app migrates itself on boot anyway).
import { parseEnv } from "../server/common/env";
import { parseDatabaseUrl, describeTarget } from "../server/db/connection";
import { migrate } from "../server/db/migrate";
import { PGlite } from "@electric-sql/pglite";
import { acquireDataDirLock } from "../server/db/pglite-lock";
import { pgliteSession, postgresSession, type SqlSession } from "../server/db/sql-session";

async function withSession(url: string, fn: (session: SqlSession) => Promise<void>): Promise<void> {
  const target = parseDatabaseUrl(url);
  if (target.kind === "postgres") {
    const session = await postgresSession(target.url);
    try {
      await fn(session);
    } finally {
      await session.close();
    }
    return;
  }
  if (target.dataDir === null) throw new Error("Nothing to migrate: DATABASE_URL points at an in-memory database.");
  const release = await acquireDataDirLock(target.dataDir);
  const pglite = await PGlite.create(target.dataDir);
  try {
    await fn(pgliteSession(pglite));
  } finally {
    await pglite.close();
    await release();
  }
}

try {
  const { DATABASE_URL } = parseEnv();
  await withSession(DATABASE_URL, async (session) => {
    const applied = await migrate(session);
    const where = describeTarget(parseDatabaseUrl(DATABASE_URL));
    console.log(applied.length ? `Applied ${applied.join(", ")} to ${where}.` : `${where} is up to date.`);
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
