import path from "node:path";
import { openDatabase } from "../../../server/db/client";
import { parseDatabaseUrl } from "../../../server/db/connection";

/**
 * A last look at a stopped server's database (its PGlite data folder), straight in the tables: what the API could
 * hide if it read through a cache. Returns the broken invariants as sentences.
 */
export async function databaseProblems(dataDir: string): Promise<string[]> {
  const database = await openDatabase(parseDatabaseUrl(`pglite:${path.join(dataDir, "pglite")}`), { migrate: false });
  try {
    const prisma = database.prisma;
    const jobs = await prisma.job.findMany({ select: { id: true, status: true, lastSeq: true, leaseOwner: true } });
    const perJob = await prisma.jobEvent.groupBy({ by: ["jobId"], _count: { _all: true }, _max: { seq: true } });
    const answered = await prisma.jobEvent.findMany({ where: { type: "hitl_answered" }, select: { data: true } });
    const checkpoints = await prisma.checkpoint.findMany({ select: { id: true, status: true } });
    const events = new Map(perJob.map((row) => [row.jobId, row]));
    const problems = jobs.flatMap((job) => {
      const row = events.get(job.id);
      const count = row?._count._all ?? 0;
      const consistent = count === job.lastSeq && (row?._max.seq ?? 0) === job.lastSeq;
      const found = consistent ? [] : [`${job.id}: lastSeq ${job.lastSeq}, ${count} events, max seq ${row?._max.seq}`];
      return job.status === "running" ? [...found, `${job.id}: still running after a clean stop`] : found;
    });
    const answerCount = (id: string) =>
      answered.filter((event) => (event.data as { checkpointId?: string } | null)?.checkpointId === id).length;
    for (const checkpoint of checkpoints) {
      const count = answerCount(checkpoint.id);
      if (count !== (checkpoint.status === "answered" ? 1 : 0))
        problems.push(`checkpoint ${checkpoint.id} (${checkpoint.status}): ${count} hitl_answered rows`);
    }
    return problems;
  } finally {
    await database.close();
  }
}
