import type { PrismaClient } from "../../db/client";
import type { Checkpoint } from "../../db/generated/prisma/client";
import type { CheckpointRecord } from "../types";
import type { CheckpointRepository } from "./contracts";
import { asJsonObject, asNullableJsonObject, prismaCode, toInputJson } from "./json";

function toCheckpointRecord(row: Checkpoint): CheckpointRecord {
  return {
    ...row,
    prompt: asJsonObject(row.prompt),
    response: asNullableJsonObject(row.response),
  };
}

type CheckpointWrites = Pick<CheckpointRepository, "create">;

async function findByKey(prisma: PrismaClient, jobId: string, key: string): Promise<CheckpointRecord | null> {
  const row = await prisma.checkpoint.findUnique({ where: { jobId_key: { jobId, key } } });
  return row && toCheckpointRecord(row);
}

function checkpointReads(prisma: PrismaClient): Omit<CheckpointRepository, keyof CheckpointWrites> {
  return {
    findById: async (id) => {
      const row = await prisma.checkpoint.findUnique({ where: { id } });
      return row && toCheckpointRecord(row);
    },
    findByKey: (jobId, key) => findByKey(prisma, jobId, key),
    findPendingForJob: async (jobId) => {
      const row = await prisma.checkpoint.findFirst({
        where: { jobId, status: "pending" },
        orderBy: { createdAt: "desc" },
      });
      return row && toCheckpointRecord(row);
    },
    findOverdue: async (now, limit) =>
      (
        await prisma.checkpoint.findMany({
          where: { status: "pending", deadline: { lt: now } },
          orderBy: { deadline: "asc" },
          take: limit,
        })
      ).map(toCheckpointRecord),
    listForJob: async (jobId) =>
      (await prisma.checkpoint.findMany({ where: { jobId }, orderBy: { createdAt: "asc" } })).map(toCheckpointRecord),
  };
}

/** State changes (answers, expiry, settling) are job changes: see change-statement.ts. */
function checkpointWrites(prisma: PrismaClient): CheckpointWrites {
  return {
    async create(input) {
      try {
        return toCheckpointRecord(
          await prisma.checkpoint.create({ data: { ...input, prompt: toInputJson(input.prompt) } }),
        );
      } catch (error) {
        const existing = prismaCode(error) === "P2002" ? await findByKey(prisma, input.jobId, input.key) : null;
        if (existing) return existing;
        throw error;
      }
    },
  };
}

export function prismaCheckpointRepository(prisma: PrismaClient): CheckpointRepository {
  return { ...checkpointReads(prisma), ...checkpointWrites(prisma) };
}
