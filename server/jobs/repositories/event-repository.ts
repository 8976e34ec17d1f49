import type { PrismaClient } from "../../db/client";
import type { JobEvent } from "../../db/generated/prisma/client";
import { EVENT_TYPES, type JobEventRecord, type StoredEventType } from "../types";
import type { EventRepository } from "./contracts";
import { asJsonObject } from "./json";

function asEventType(value: string): StoredEventType {
  return (EVENT_TYPES as readonly string[]).includes(value) ? (value as StoredEventType) : "progress";
}

function toEventRecord(row: JobEvent): JobEventRecord {
  return { ...row, type: asEventType(row.type), data: asJsonObject(row.data) };
}

export function prismaEventRepository(prisma: PrismaClient): EventRepository {
  return {
    async append(jobId, event) {
      // One statement: the counter on the job row is incremented and the event inserted atomically, so seq has
      // no gaps and no two writers (even in different processes) get the same number. A single statement also
      // needs no interactive transaction, which on PGlite would queue behind every other one.
      const rows = await prisma.$queryRaw<JobEvent[]>`
        WITH counter AS (UPDATE "Job" SET "lastSeq" = "lastSeq" + 1 WHERE "id" = ${jobId}::uuid RETURNING "lastSeq")
        INSERT INTO "JobEvent" ("jobId", "seq", "type", "phase", "message", "data")
        SELECT ${jobId}::uuid, "lastSeq", ${event.type}, ${event.phase ?? null}, ${event.message ?? ""}, ${JSON.stringify(event.data ?? {})}::jsonb FROM counter
        RETURNING "jobId", "seq", "type", "phase", "message", "data", "createdAt"`;
      const [row] = rows;
      if (!row) throw new Error(`Job ${jobId} not found`);
      return toEventRecord(row);
    },
    listAfter: async (jobId, afterSeq, limit = 10_000) =>
      (await prisma.jobEvent.findMany({ where: { jobId, seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: limit })).map(toEventRecord),
  };
}
