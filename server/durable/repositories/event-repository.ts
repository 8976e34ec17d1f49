import type { PrismaClient } from "../../db/client";
import type { JobEvent } from "../../db/generated/prisma/client";
import { EVENT_TYPES, TERMINAL_EVENTS, type JobEventRecord, type StoredEventType } from "../types";
import { EVENT_CHANNEL, type EventRepository } from "./contracts";
import { asJsonObject } from "./json";

function asEventType(value: string): StoredEventType {
  return (EVENT_TYPES as readonly string[]).includes(value) ? (value as StoredEventType) : "progress";
}

function toEventRecord(row: JobEvent): JobEventRecord {
  return { ...row, type: asEventType(row.type), data: asJsonObject(row.data) };
}

export function prismaEventRepository(prisma: PrismaClient): EventRepository {
  return {
    async append(jobId, event, announceAs) {
      // One statement: the counter on the job row is incremented and the event inserted atomically, so seq has
      // no gaps and no two writers (even in different processes) get the same number. A single statement also
      // needs no interactive transaction, which on PGlite would queue behind every other one. The NOTIFY rides
      // in it too: it is sent at commit, so a listener that hears it always finds the row. Nothing follows a
      // terminal event (docs/architecture.md, Guarantees 9).
      const origin = announceAs ?? null;
      const rows = await prisma.$queryRaw<(JobEvent & { announced: unknown })[]>`
        WITH counter AS (UPDATE "Job" SET "lastSeq" = "lastSeq" + 1 WHERE "id" = ${jobId}::uuid
          AND NOT EXISTS (SELECT 1 FROM "JobEvent" WHERE "jobId" = ${jobId}::uuid AND "type" = ANY(${[...TERMINAL_EVENTS]}::text[]))
          RETURNING "lastSeq"),
        stored AS (
          INSERT INTO "JobEvent" ("jobId", "seq", "type", "phase", "message", "data", "createdAt")
          SELECT ${jobId}::uuid, "lastSeq", ${event.type}, ${event.phase ?? null}, ${event.message ?? ""}, ${JSON.stringify(event.data ?? {})}::jsonb, clock_timestamp() FROM counter
          RETURNING "jobId", "seq", "type", "phase", "message", "data", "createdAt")
        SELECT stored.*, CASE WHEN ${origin}::text IS NULL THEN NULL
          ELSE pg_notify(${EVENT_CHANNEL}, json_build_object('jobId', "jobId", 'seq', "seq", 'origin', ${origin}::text)::text)::text END AS "announced"
        FROM stored`;
      const [row] = rows;
      if (!row) throw new Error(`Job ${jobId} not found, or its log is closed (it holds a terminal event)`);
      const { announced: _announced, ...stored } = row;
      return toEventRecord(stored);
    },
    async announce(announcement) {
      await prisma.$executeRaw`SELECT pg_notify(${EVENT_CHANNEL}, ${JSON.stringify(announcement)})`;
    },
    listAfter: async (jobId, afterSeq, limit = 10_000) =>
      (
        await prisma.jobEvent.findMany({
          where: { jobId, seq: { gt: afterSeq } },
          orderBy: { seq: "asc" },
          take: limit,
        })
      ).map(toEventRecord),
    async latest(jobIds) {
      if (jobIds.length === 0) return [];
      const rows = await prisma.$queryRaw<JobEvent[]>`
        SELECT DISTINCT ON ("jobId") "jobId", "seq", "type", "phase", "message", "data", "createdAt" FROM "JobEvent"
        WHERE "jobId" = ANY(${[...jobIds]}::uuid[]) ORDER BY "jobId", "seq" DESC`;
      return rows.map(toEventRecord);
    },
  };
}
