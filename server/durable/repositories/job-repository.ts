import type { PrismaClient } from "../../db/client";
import type { Job, Prisma } from "../../db/generated/prisma/client";
import type { ClaimedJob, JobChange, JobPatch, JobRecord, NewEvent, NewJob } from "../types";
import { DuplicateRequestError, type InterruptedJobs, type JobListQuery, type JobRepository } from "./contracts";
import { asJsonObject, asNullableJsonObject, prismaCode, toDbJson, toInputJson } from "./json";
import { changeStatement } from "./change-statement";
import { checkpointRowOrNull, checkpointRows, eventRows, stepRows } from "./rows";

const RUNNABLE = ["pending", "running"] as const;
const UNFINISHED = ["pending", "running", "pending_user_input", "pending_hitl"] as const;
const WAITING = ["pending_user_input", "pending_hitl"] as const;

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

function listWhere(query: JobListQuery): Prisma.JobWhereInput {
  return {
    ownerId: query.ownerId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.q ? { task: { contains: query.q, mode: "insensitive" } } : {}),
  };
}

type JobLeases = Pick<JobRepository, "claim" | "renewLease" | "releaseLease" | "findResumable" | "findInterrupted">;

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
    createWithEvent: (input, event) => createWithEvent(prisma, input, event),
    record: (jobId, change, announceAs) => record(prisma, jobId, change, announceAs),
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

type ClaimRow = Job & { __steps: unknown; __checkpoints: unknown };
type ChangeRow = Job & { __events: unknown; __checkpoint: unknown; __announced: unknown };

async function record(prisma: PrismaClient, jobId: string, change: JobChange, announceAs?: string) {
  const [row] = await prisma.$queryRaw<ChangeRow[]>(changeStatement(jobId, change, announceAs));
  if (!row) return null;
  const { __events, __checkpoint, __announced: _announced, ...job } = row;
  return { job: toJobRecord(job), events: eventRows(__events), checkpoint: checkpointRowOrNull(__checkpoint) };
}

/** One statement: the lease, the running status, and what the run replays. */
async function claim(prisma: PrismaClient, id: string, owner: string, leaseMs: number): Promise<ClaimedJob | null> {
  const now = new Date();
  const [row] = await prisma.$queryRaw<ClaimRow[]>`
    WITH claimed AS (
      UPDATE "Job" SET "leaseOwner" = ${owner}, "leaseExpiresAt" = ${new Date(now.getTime() + leaseMs)},
        "status" = 'running', "startedAt" = COALESCE("startedAt", now()), "version" = "version" + 1, "updatedAt" = now()
      WHERE "id" = ${id}::uuid AND "status" IN ('pending', 'running')
        AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < ${now})
      RETURNING *)
    SELECT claimed.*,
      (SELECT json_agg(s) FROM "JobStep" s WHERE s."jobId" = claimed."id" AND s."status" = 'completed') AS "__steps",
      (SELECT json_agg(c) FROM "Checkpoint" c WHERE c."jobId" = claimed."id") AS "__checkpoints"
    FROM claimed`;
  if (!row) return null;
  const { __steps, __checkpoints, ...job } = row;
  return { job: toJobRecord(job), steps: stepRows(__steps), checkpoints: checkpointRows(__checkpoints) };
}

/** Creates the job and its first event together, so a job never exists without its queued event. */
async function createWithEvent(prisma: PrismaClient, input: NewJob, event: NewEvent) {
  const [row] = await prisma.$queryRaw<(Job & { __event: unknown })[]>`
    WITH job AS (
      INSERT INTO "Job" ("id", "ownerId", "requestId", "task", "options", "engine", "workflow", "context", "lastSeq")
      VALUES (gen_random_uuid(), ${input.ownerId}, ${input.requestId}, ${input.task}, ${JSON.stringify(input.options)}::jsonb,
        ${input.engine}, ${input.workflow}, ${JSON.stringify(input.context ?? {})}::jsonb, 1)
      ON CONFLICT ("ownerId", "requestId") DO NOTHING
      RETURNING *),
    stored AS (
      INSERT INTO "JobEvent" ("jobId", "seq", "type", "phase", "message", "data", "createdAt")
      SELECT "id", 1, ${event.type}, ${event.phase ?? null}, ${event.message ?? ""}, ${JSON.stringify(event.data ?? {})}::jsonb,
        clock_timestamp()
      FROM job RETURNING *)
    SELECT job.*, (SELECT json_agg(stored) FROM stored) AS "__event" FROM job`;
  if (!row) return null;
  const { __event, ...job } = row;
  const [stored] = eventRows(__event);
  if (!stored) throw new Error(`Job ${job.id} was created without its first event`);
  return { job: toJobRecord(job), event: stored };
}

/** The three kinds of half-changed jobs the start-up sweep repairs (docs/architecture.md, Crash safety). */
async function findInterrupted(prisma: PrismaClient, now: Date, limit: number): Promise<InterruptedJobs> {
  const waiting = await prisma.$queryRaw<{ id: string }[]>`
    SELECT j."id" FROM "Job" j WHERE j."status"::text = ANY(${[...WAITING]}::text[])
      AND NOT EXISTS (SELECT 1 FROM "Checkpoint" c WHERE c."jobId" = j."id" AND c."status" = 'pending')
    LIMIT ${limit}`;
  const unannounced = await prisma.$queryRaw<{ jobId: string; checkpointId: string; type: string }[]>`
    SELECT c."jobId", c."id" AS "checkpointId", c."type" FROM "Job" j JOIN "Checkpoint" c ON c."jobId" = j."id"
    WHERE j."status"::text = ANY(${[...UNFINISHED]}::text[]) AND c."status" = 'answered'
      AND NOT EXISTS (SELECT 1 FROM "JobEvent" e WHERE e."jobId" = c."jobId" AND e."type" = 'hitl_answered'
        AND e."data"->>'checkpointId' = c."id"::text)
    ORDER BY c."answeredAt" LIMIT ${limit}`;
  const closed = await prisma.$queryRaw<InterruptedJobs["closedInLog"]>`
    SELECT j."id" AS "jobId", e."type", e."message" FROM "Job" j
    JOIN LATERAL (SELECT "type", "message" FROM "JobEvent" WHERE "jobId" = j."id"
      AND "type" IN ('completed', 'failed', 'cancelled') ORDER BY "seq" LIMIT 1) e ON true
    WHERE j."status"::text = ANY(${[...UNFINISHED]}::text[])
      AND (j."leaseExpiresAt" IS NULL OR j."leaseExpiresAt" < ${now})
    LIMIT ${limit}`;
  return {
    waitingWithoutCheckpoint: waiting.map((row) => row.id),
    unannouncedAnswers: unannounced,
    closedInLog: closed,
  };
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
    findInterrupted: (now, limit) => findInterrupted(prisma, now, limit),
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
