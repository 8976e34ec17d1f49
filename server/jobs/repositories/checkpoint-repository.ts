import type { PrismaClient } from "../../db/client";
import type { Checkpoint } from "../../db/generated/prisma/client";
import { CHECKPOINT_TYPES, type CheckpointRecord, type CheckpointType } from "../types";
import type { CheckpointRepository } from "./contracts";
import { asJsonObject, asNullableJsonObject, prismaCode, toInputJson } from "./json";

function asCheckpointType(value: string): CheckpointType {
  return (CHECKPOINT_TYPES as readonly string[]).includes(value) ? (value as CheckpointType) : "confirm";
}

function toCheckpointRecord(row: Checkpoint): CheckpointRecord {
  return { ...row, type: asCheckpointType(row.type), prompt: asJsonObject(row.prompt), response: asNullableJsonObject(row.response) };
}

export function prismaCheckpointRepository(prisma: PrismaClient): CheckpointRepository {
  const findByKey = async (jobId: string, key: string) => {
    const row = await prisma.checkpoint.findUnique({ where: { jobId_key: { jobId, key } } });
    return row && toCheckpointRecord(row);
  };
  return {
    findById: async (id) => {
      const row = await prisma.checkpoint.findUnique({ where: { id } });
      return row && toCheckpointRecord(row);
    },
    findByKey,
    findPendingForJob: async (jobId) => {
      const row = await prisma.checkpoint.findFirst({ where: { jobId, status: "pending" }, orderBy: { createdAt: "desc" } });
      return row && toCheckpointRecord(row);
    },
    async create(input) {
      try {
        return toCheckpointRecord(await prisma.checkpoint.create({ data: { ...input, prompt: toInputJson(input.prompt) } }));
      } catch (error) {
        const existing = prismaCode(error) === "P2002" ? await findByKey(input.jobId, input.key) : null;
        if (existing) return existing;
        throw error;
      }
    },
    answerIfPending: async (id, response, answeredBy) => {
      const { count } = await prisma.checkpoint.updateMany({
        where: { id, status: "pending" },
        data: { status: "answered", response: toInputJson(response), answeredBy, answeredAt: new Date() },
      });
      return count === 1;
    },
    settleIfPending: async (id, status) => (await prisma.checkpoint.updateMany({ where: { id, status: "pending" }, data: { status } })).count === 1,
    settleAllPending: async (jobId, status) => (await prisma.checkpoint.updateMany({ where: { jobId, status: "pending" }, data: { status } })).count,
    findOverdue: async (now, limit) =>
      (await prisma.checkpoint.findMany({ where: { status: "pending", deadline: { lt: now } }, orderBy: { deadline: "asc" }, take: limit })).map(toCheckpointRecord),
    listForJob: async (jobId) => (await prisma.checkpoint.findMany({ where: { jobId }, orderBy: { createdAt: "asc" } })).map(toCheckpointRecord),
  };
}
