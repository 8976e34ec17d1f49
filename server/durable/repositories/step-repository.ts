import type { PrismaClient } from "../../db/client";
import type { JobStep } from "../../db/generated/prisma/client";
import type { StepCall, StepRecord } from "../types";
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
    model: row.model,
    input: asJson(row.input),
  };
}

type Completion = Parameters<StepRepository["complete"]>[2];

function completedData({ output, durationMs, usage }: Completion) {
  return {
    status: "completed" as const,
    output: toDbJson(output),
    durationMs,
    completedAt: new Date(),
    error: null,
    ...usage,
  };
}

/** The step's model and input columns; an absent field is left as it is. */
const callData = (call: StepCall = {}) => ({ model: call.model, input: toDbJson(call.input) });

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
    complete: async (jobId, key, result) => {
      await prisma.jobStep.update({
        where: { jobId_key: { jobId, key } },
        data: { ...completedData(result), ...callData(result.call) },
      });
    },
    fail: async (jobId, key, { error, durationMs, call }) => {
      await prisma.jobStep.update({
        where: { jobId_key: { jobId, key } },
        data: { status: "failed", error, durationMs, completedAt: new Date(), ...callData(call) },
      });
    },
    listForJob: async (jobId) =>
      (await prisma.jobStep.findMany({ where: { jobId }, orderBy: [{ startedAt: "asc" }, { key: "asc" }] })).map(
        toStepRecord,
      ),
  };
}
