import type { PrismaClient } from "../../db/client";
import type { Job, Prisma } from "../../db/generated/prisma/client";
import type { JobPatch, JobRecord, NewJob } from "../types";
import { DuplicateRequestError, type JobListQuery, type JobRepository } from "./contracts";
import { asJsonObject, asNullableJsonObject, prismaCode, toDbJson, toInputJson } from "./json";

const RUNNABLE = ["pending", "running"] as const;
const NOT_FINISHED = ["pending", "running", "pending_user_input", "pending_hitl"] as const;

export function toJobRecord(row: Job): JobRecord {
  return {
    ...row,
    options: asJsonObject(row.options),
    context: asJsonObject(row.context),
    result: asNullableJsonObject(row.result),
  };
}

function toUpdateData(patch: JobPatch): Prisma.JobUpdateInput {
  const { context, result, ...rest } = patch;
  return { ...rest, context: context && toInputJson(context), result: toDbJson(result), version: { increment: 1 } };
}

/** A lease is free when nobody holds it or its holder stopped renewing it. */
const leaseFree = (now: Date): { OR: Prisma.JobWhereInput[] } => ({
  OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }],
});

/** Runs an update whose `where` may not match; P2025 (no row matched) becomes null. */
async function orNull(run: () => Promise<Job>): Promise<JobRecord | null> {
  try {
    return toJobRecord(await run());
  } catch (error) {
    if (prismaCode(error) === "P2025") return null;
    throw error;
  }
}

/** Prisma sends `contains` as an ILIKE pattern unescaped: "%" and "_" in a search must match themselves. */
const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

function listWhere(query: JobListQuery): Prisma.JobWhereInput {
  return {
    ownerId: query.ownerId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.q ? { task: { contains: likeLiteral(query.q), mode: "insensitive" } } : {}),
  };
}

type JobLeases = Pick<JobRepository, "claim" | "renewLease" | "releaseLease" | "cancelIfIdle" | "findResumable">;

function jobRows(prisma: PrismaClient): Omit<JobRepository, keyof JobLeases> {
  return {
    async create(input: NewJob) {
      try {
        const row = await prisma.job.create({
          data: { ...input, options: toInputJson({ ...input.options }), context: toInputJson(input.context ?? {}) },
        });
        return toJobRecord(row);
      } catch (error) {
        if (prismaCode(error) === "P2002" && input.requestId)
          throw new DuplicateRequestError(input.ownerId, input.requestId);
        throw error;
      }
    },
    findById: async (id) => {
      const row = await prisma.job.findUnique({ where: { id } });
      return row && toJobRecord(row);
    },
    findByRequest: async (ownerId, requestId) => {
      const row = await prisma.job.findUnique({ where: { ownerId_requestId: { ownerId, requestId } } });
      return row && toJobRecord(row);
    },
    updateIfVersion: (id, version, patch) =>
      orNull(() => prisma.job.update({ where: { id, version }, data: toUpdateData(patch) })),
    async list(query) {
      const rows = await prisma.job.findMany({
        where: listWhere(query),
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: query.limit + 1,
        ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
      });
      const items = rows.slice(0, query.limit).map(toJobRecord);
      return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
    },
  };
}

function claim(prisma: PrismaClient, id: string, owner: string, leaseMs: number): Promise<JobRecord | null> {
  const now = new Date();
  return orNull(() =>
    prisma.job.update({
      where: { id, status: { in: [...RUNNABLE] }, ...leaseFree(now) },
      data: { leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + leaseMs), version: { increment: 1 } },
    }),
  );
}

/** Cancels a job only while nobody holds its lease (waiting at a checkpoint, or queued). */
function cancelIfIdle(prisma: PrismaClient, id: string): Promise<JobRecord | null> {
  const now = new Date();
  return orNull(() =>
    prisma.job.update({
      where: { id, status: { in: [...NOT_FINISHED] }, ...leaseFree(now) },
      data: { status: "cancelled", cancelRequested: true, completedAt: now, version: { increment: 1 } },
    }),
  );
}

/** Leases: which runner runs a job (conditional updates; the database is the arbiter across servers). */
function jobLeases(prisma: PrismaClient): JobLeases {
  return {
    claim: (id, owner, leaseMs) => claim(prisma, id, owner, leaseMs),
    async renewLease(id, owner, leaseMs) {
      const row = await orNull(() =>
        prisma.job.update({
          where: { id, leaseOwner: owner },
          data: { leaseExpiresAt: new Date(Date.now() + leaseMs) },
        }),
      );
      return { held: row !== null, cancelRequested: row?.cancelRequested ?? false };
    },
    releaseLease: async (id, owner) => {
      await prisma.job.updateMany({
        where: { id, leaseOwner: owner },
        data: { leaseOwner: null, leaseExpiresAt: null },
      });
    },
    cancelIfIdle: (id) => cancelIfIdle(prisma, id),
    async findResumable(limit) {
      const rows = await prisma.job.findMany({
        where: { status: { in: [...RUNNABLE] }, ...leaseFree(new Date()) },
        orderBy: { createdAt: "asc" },
        take: limit,
        select: { id: true },
      });
      return rows.map((row) => row.id);
    },
  };
}

export function prismaJobRepository(prisma: PrismaClient): JobRepository {
  return { ...jobRows(prisma), ...jobLeases(prisma) };
}
