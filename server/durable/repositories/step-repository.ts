import type { PrismaClient } from "../../db/client";
import type { JobStep } from "../../db/generated/prisma/client";
import type { StepRecord, TokenUsage } from "../types";
import type { StepRepository } from "./contracts";
import { asJson } from "./json";

/** Token usage from its nullable columns (absent when the step reported none). */
export function usageOf(row: Pick<JobStep, "inputTokens" | "outputTokens" | "totalTokens">): TokenUsage {
  return {
    ...(row.inputTokens === null ? {} : { inputTokens: row.inputTokens }),
    ...(row.outputTokens === null ? {} : { outputTokens: row.outputTokens }),
    ...(row.totalTokens === null ? {} : { totalTokens: row.totalTokens }),
  };
}

function toStepRecord(row: JobStep): StepRecord {
  const { jobId, key, status, error, attempts, startedAt, completedAt, durationMs } = row;
  return {
    jobId,
    key,
    status,
    output: asJson(row.output),
    error,
    attempts,
    startedAt,
    completedAt,
    durationMs,
    usage: usageOf(row),
    model: row.model,
    input: asJson(row.input),
    provenance: asJson(row.provenance),
  };
}

/** Steps are written by job changes (change-statement.ts); this reads them back for the timeline. */
export function prismaStepRepository(prisma: PrismaClient): StepRepository {
  return {
    listForJob: async (jobId) =>
      (await prisma.jobStep.findMany({ where: { jobId }, orderBy: [{ startedAt: "asc" }, { key: "asc" }] })).map(
        toStepRecord,
      ),
  };
}
