import type { PrismaClient } from "../../db/client";
import type { JobCountRow } from "../../observability/job-metrics";

/**
 * The one aggregate a metrics scrape reads (docs/operations.md): jobs by workflow and status, and per group how many
 * runnable jobs no runner holds a live lease on, and how long the oldest of them has waited since its last change.
 * One scan of the jobs table per scrape; nothing is cached between scrapes.
 */
interface Row {
  workflow: string;
  status: string;
  count: number;
  waiting: number;
  oldest: number;
}

export async function jobCounts(prisma: PrismaClient): Promise<JobCountRow[]> {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT "workflow", "status"::text AS "status", count(*)::int AS "count",
      (count(*) FILTER (WHERE "status" IN ('pending', 'running')
        AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < now())))::int AS "waiting",
      COALESCE(EXTRACT(EPOCH FROM now() - min("updatedAt") FILTER (WHERE "status" IN ('pending', 'running')
        AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < now()))), 0)::float8 AS "oldest"
    FROM "Job" GROUP BY "workflow", "status"`;
  return rows.map((row) => ({
    workflow: row.workflow,
    status: row.status,
    count: Number(row.count),
    waiting: Number(row.waiting),
    oldestWaitingSeconds: Number(row.oldest),
  }));
}
