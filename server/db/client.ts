import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "../common/env";
import { lazySingleton } from "../common/singleton";
import { describeTarget, parseDatabaseUrl, type DatabaseTarget } from "./connection";
import { PrismaClient } from "./generated/prisma/client";
import { migrate } from "./migrate";
import { acquireDataDirLock } from "./pglite-lock";
import { gatedPglite } from "./priority-gate";
import { pgliteSession, postgresSession } from "./sql-session";

export { PrismaClient };
export type { Prisma } from "./generated/prisma/client";

export interface Database {
  prisma: PrismaClient;
  target: DatabaseTarget;
  description: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Apply pending SQL migrations before handing out the client (the default at boot). */
  migrate?: boolean;
  migrationsDir?: string;
}

/**
 * A Prisma client over an open PGlite; closing it closes PGlite and runs `release` (the folder lock). Its statements
 * go through a priority gate: requests before background work (priority-gate.ts).
 */
export function prismaOverPglite(
  pglite: PGlite,
  release: () => Promise<void> = async () => undefined,
): Omit<Database, "target" | "description"> {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(gatedPglite(pglite)) });
  // $disconnect does not close PGlite (the adapter's dispose is a no-op): close it ourselves, then unlock.
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
      await release();
    },
  };
}

async function openPglite(
  dataDir: string | null,
  options: OpenOptions,
): Promise<Omit<Database, "target" | "description">> {
  const release = dataDir ? await acquireDataDirLock(dataDir) : async () => undefined;
  let pglite: PGlite | undefined;
  try {
    pglite = await PGlite.create(dataDir ?? "memory://");
    if (options.migrate) await migrate(pgliteSession(pglite), options.migrationsDir);
    return prismaOverPglite(pglite, release);
  } catch (error) {
    await pglite?.close().catch(() => undefined);
    await release();
    throw error;
  }
}

async function openPostgres(url: string, options: OpenOptions): Promise<Omit<Database, "target" | "description">> {
  if (options.migrate) {
    const session = await postgresSession(url);
    try {
      await migrate(session, options.migrationsDir);
    } finally {
      await session.close();
    }
  }
  const { DATABASE_POOL_SIZE, DATABASE_CONNECT_TIMEOUT_MS } = env();
  const adapter = new PrismaPg({
    connectionString: url,
    max: DATABASE_POOL_SIZE,
    connectionTimeoutMillis: DATABASE_CONNECT_TIMEOUT_MS,
  });
  const prisma = new PrismaClient({ adapter });
  return { prisma, close: () => prisma.$disconnect() };
}

/** Opens a database (tests open their own; the app uses the shared one below). */
export async function openDatabase(
  target: DatabaseTarget,
  options: OpenOptions = { migrate: true },
): Promise<Database> {
  const opened =
    target.kind === "pglite" ? await openPglite(target.dataDir, options) : await openPostgres(target.url, options);
  return { ...opened, target, description: describeTarget(target) };
}

const shared = lazySingleton("database", () =>
  openDatabase(parseDatabaseUrl(env().DATABASE_URL), { migrate: env().SKILL_FLEET_AUTO_MIGRATE }),
);

/** The process's database: opened (and migrated) on first use, once, however many callers race for it. */
export const getDatabase = shared.get;

export async function getPrisma(): Promise<PrismaClient> {
  return (await shared.get()).prisma;
}

/** Lets tests and tools install a database they opened themselves as the shared one. */
export function useDatabase(database: Database): void {
  shared.set(database);
}

export async function closeDatabase(): Promise<void> {
  const database = await shared.reset();
  await database?.close();
}
