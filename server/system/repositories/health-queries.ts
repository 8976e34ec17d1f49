import type { PrismaClient } from "../../db/client";

/** The readiness probe's two reads (server/system/readiness.ts): a round trip, and the migrations recorded. */
export async function ping(prisma: PrismaClient): Promise<void> {
  await prisma.$queryRaw`SELECT 1`;
}

export async function appliedMigrations(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ name: string }[]>`SELECT "name" FROM "_app_migrations"`;
  return rows.map((row) => row.name);
}
