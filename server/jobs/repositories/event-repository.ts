import type { PrismaClient } from "../../db/client";
import type { JobEvent } from "../../db/generated/prisma/client";
import { EVENT_TYPES, type JobEventRecord, type StoredEventType } from "../types";
import type { EventRepository } from "./contracts";
import { asJsonObject, toInputJson } from "./json";

function asEventType(value: string): StoredEventType {
  return (EVENT_TYPES as readonly string[]).includes(value) ? (value as StoredEventType) : "progress";
}

function toEventRecord(row: JobEvent): JobEventRecord {
  return { ...row, type: asEventType(row.type), data: asJsonObject(row.data) };
}

export function prismaEventRepository(prisma: PrismaClient): EventRepository {
  return {
    async append(jobId, event) {
      // The counter lives on the job row: the increment and the insert commit together, so seq has no gaps and
      // no two writers (even in different processes) get the same number. Only `tx` inside (PGlite has one
      // connection: the base client would deadlock here).
      const row = await prisma.$transaction(async (tx) => {
        const [counter] = await tx.$queryRaw<{ lastSeq: number }[]>`UPDATE "Job" SET "lastSeq" = "lastSeq" + 1 WHERE "id" = ${jobId}::uuid RETURNING "lastSeq"`;
        if (!counter) throw new Error(`Job ${jobId} not found`);
        return tx.jobEvent.create({
          data: { jobId, seq: counter.lastSeq, type: event.type, phase: event.phase ?? null, message: event.message ?? "", data: toInputJson(event.data ?? {}) },
        });
      });
      return toEventRecord(row);
    },
    listAfter: async (jobId, afterSeq, limit = 10_000) =>
      (await prisma.jobEvent.findMany({ where: { jobId, seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: limit })).map(toEventRecord),
  };
}
