import type { PrismaClient } from "../../db/client";
import type { JobStep } from "../../db/generated/prisma/client";
import type { StepRecord } from "../types";
import type { StepRepository } from "./contracts";
import { asJson, toDbJson } from "./json";

function toStepRecord(row: JobStep): StepRecord {
  return {
    jobId: row.jobId,
    key: row.key,
    status: row.status,
    output: asJson(row.output),
    error: row.error,
    attempts: row.attempts,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    durationMs: row.durationMs,
    usage: {
      ...(row.inputTokens === null ? {} : { inputTokens: row.inputTokens }),
      ...(row.outputTokens === null ? {} : { outputTokens: row.outputTokens }),
      ...(row.totalTokens === null ? {} : { totalTokens: row.totalTokens }),
    },
  };
}

export function prismaStepRepository(prisma: PrismaClient): StepRepository {
  return {
    find: async (jobId, key) => {
      const row = await prisma.jobStep.findUnique({ where: { jobId_key: { jobId, key } } });
      return row && toStepRecord(row);
    },
    start: async (jobId, key) => {
      const now = new Date();
      const row = await prisma.jobStep.upsert({
        where: { jobId_key: { jobId, key } },
        create: { jobId, key, status: "running", attempts: 1, startedAt: now },
        update: { status: "running", attempts: { increment: 1 }, startedAt: now, error: null, completedAt: null },
      });
      return toStepRecord(row);
    },
    complete: async (jobId, key, { output, durationMs, usage }) => {
      await prisma.jobStep.update({
        where: { jobId_key: { jobId, key } },
        data: {
          status: "completed",
          output: toDbJson(output),
          durationMs,
          completedAt: new Date(),
          error: null,
          ...usage,
        },
      });
    },
    fail: async (jobId, key, { error, durationMs }) => {
      await prisma.jobStep.update({
        where: { jobId_key: { jobId, key } },
        data: { status: "failed", error, durationMs, completedAt: new Date() },
      });
    },
    listForJob: async (jobId) =>
      (await prisma.jobStep.findMany({ where: { jobId }, orderBy: [{ startedAt: "asc" }, { key: "asc" }] })).map(
        toStepRecord,
      ),
  };
}
