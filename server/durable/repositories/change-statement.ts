import { Prisma } from "../../db/generated/prisma/client";
import {
  TERMINAL_EVENTS,
  TERMINAL_STATUSES,
  type CheckpointChange,
  type JobChange,
  type JobColumns,
  type JobGuard,
  type NewEvent,
  type StepWrite,
} from "../types";
import { EVENT_CHANNEL } from "./contracts";

/**
 * One job change as ONE SQL statement (docs/performance.md): the job row is updated under its guard, and only if it
 * was do the events go in (numbered from the row's counter), the steps get recorded and the checkpoint change holds.
 * One statement is atomic on both databases and costs one round trip; on the embedded database it also never holds
 * the single connection across JavaScript awaits, as an interactive transaction would.
 */
/**
 * The Job row's columns as Prisma reads them, for RETURNING: the database-generated search document (a tsvector,
 * docs/ui.md, History) is left out, since Prisma cannot read that type.
 */
export const JOB_COLUMNS = Prisma.raw(
  Object.values(Prisma.JobScalarFieldEnum)
    .map((column) => `"${column}"`)
    .join(", "),
);

const list = (values: Iterable<string>): Prisma.Sql => Prisma.raw(`(${[...values].map((v) => `'${v}'`).join(",")})`);
const TERMINAL_STATUS_LIST = list(TERMINAL_STATUSES);
const TERMINAL_EVENT_LIST = list(TERMINAL_EVENTS);

function columnClauses(set: JobColumns): Prisma.Sql[] {
  const clauses: (Prisma.Sql | false)[] = [
    set.status !== undefined && Prisma.sql`"status" = ${set.status}::"JobStatus"`,
    set.phase !== undefined && Prisma.sql`"phase" = ${set.phase}`,
    set.progress !== undefined && Prisma.sql`"progress" = GREATEST("progress", ${set.progress}::int)`,
    set.progressMessage !== undefined && Prisma.sql`"progressMessage" = ${set.progressMessage}`,
    set.result !== undefined && Prisma.sql`"result" = ${JSON.stringify(set.result)}::jsonb`,
    set.error !== undefined && Prisma.sql`"error" = ${set.error}`,
    set.cancelRequested !== undefined && Prisma.sql`"cancelRequested" = ${set.cancelRequested}`,
    set.completed === true && Prisma.sql`"completedAt" = now()`,
    set.releaseLease === true && Prisma.sql`"leaseOwner" = NULL, "leaseExpiresAt" = NULL`,
  ];
  return clauses.filter((clause): clause is Prisma.Sql => clause !== false);
}

function guardClauses(jobId: string, guard: JobGuard): Prisma.Sql[] {
  const clauses: (Prisma.Sql | false)[] = [
    guard.leaseOwner !== undefined && Prisma.sql`"leaseOwner" = ${guard.leaseOwner}`,
    guard.unfinished === true && Prisma.sql`"status"::text NOT IN ${TERMINAL_STATUS_LIST}`,
    guard.leaseFreeAt !== undefined &&
      Prisma.sql`("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < ${guard.leaseFreeAt})`,
    guard.statusIn !== undefined && Prisma.sql`"status"::text = ANY(${[...guard.statusIn]}::text[])`,
    guard.cancelRequested !== undefined && Prisma.sql`"cancelRequested" = ${guard.cancelRequested}`,
    guard.noOpenCheckpoint === true &&
      Prisma.sql`NOT EXISTS (SELECT 1 FROM "Checkpoint" WHERE "jobId" = ${jobId}::uuid AND "status" = 'pending')`,
  ];
  return clauses.filter((clause): clause is Prisma.Sql => clause !== false);
}

interface CheckpointParts {
  /** CTEs that run before the job row is written (the checkpoint decides whether it is). */
  before: Prisma.Sql | null;
  /** CTEs that follow the job row (they apply only if it was written). */
  after: Prisma.Sql | null;
  guard: Prisma.Sql | null;
  /** The checkpoint row to return. */
  selected: Prisma.Sql;
}

const NO_CHECKPOINT: CheckpointParts = { before: null, after: null, guard: null, selected: Prisma.sql`NULL::json` };
const PICKED: Pick<CheckpointParts, "guard" | "selected"> = {
  guard: Prisma.sql`EXISTS (SELECT 1 FROM cp)`,
  selected: Prisma.sql`(SELECT row_to_json(cp) FROM cp LIMIT 1)`,
};

/** `cp` = the one checkpoint, updated only while pending: a row lock makes it the arbiter between servers. */
function pendingCheckpoint(jobId: string, id: string, set: Prisma.Sql, also = Prisma.empty): Prisma.Sql {
  return Prisma.sql`cp AS (UPDATE "Checkpoint" SET ${set}
    WHERE "id" = ${id}::uuid AND "jobId" = ${jobId}::uuid AND "status" = 'pending' ${also} RETURNING *)`;
}

function checkpointParts(jobId: string, change: CheckpointChange | undefined): CheckpointParts {
  if (!change) return NO_CHECKPOINT;
  switch (change.kind) {
    case "answer": {
      const answered = Prisma.sql`"status" = 'answered', "response" = ${JSON.stringify(change.response)}::jsonb,
        "answeredBy" = ${change.answeredBy}, "answeredAt" = now()`;
      const open = Prisma.sql`AND EXISTS (SELECT 1 FROM "Job"
        WHERE "id" = ${jobId}::uuid AND "status"::text NOT IN ${TERMINAL_STATUS_LIST})`;
      return { ...PICKED, before: pendingCheckpoint(jobId, change.id, answered, open), after: null };
    }
    case "wait":
      return { ...PICKED, before: pendingCheckpoint(jobId, change.id, Prisma.sql`"status" = "status"`), after: null };
    case "expire":
      return { ...PICKED, before: pendingCheckpoint(jobId, change.id, Prisma.sql`"status" = 'expired'`), after: null };
    case "settleAll":
      return {
        ...NO_CHECKPOINT,
        after: Prisma.sql`settled AS (UPDATE "Checkpoint" SET "status" = ${change.status}::"CheckpointStatus"
          WHERE "jobId" = ${jobId}::uuid AND "status" = 'pending' AND EXISTS (SELECT 1 FROM job) RETURNING 1)`,
      };
  }
}

function eventsJson(events: readonly NewEvent[]): string {
  return JSON.stringify(
    events.map((e) => ({ type: e.type, phase: e.phase ?? null, message: e.message ?? "", data: e.data ?? {} })),
  );
}

/** Steps as the statement reads them: token usage flattened into its columns, `started` explicit. */
function stepsJson(steps: readonly StepWrite[]): string {
  const flat = (step: StepWrite) => {
    if (step.status === "running") return { ...step, started: true };
    if (step.status === "failed") return { ...step, started: step.started ?? false };
    const { usage, ...rest } = step;
    return { ...rest, ...usage, started: step.started ?? false };
  };
  return JSON.stringify(steps.map(flat));
}

/**
 * The steps' rows: an existing row is updated, a new one inserted. A write that starts the step counts an attempt
 * (a re-run after a crash is attempt 2) and stamps its start; finishing keeps both.
 */
function stepsWrite(steps: readonly StepWrite[]): Prisma.Sql {
  return Prisma.sql`, step_rows AS (
    SELECT w->>'key' AS "key", (w->>'status')::"StepStatus" AS "status", w->'output' AS "output",
      w->>'error' AS "error", (w->>'started')::boolean AS "started", (w->>'durationMs')::int AS "durationMs",
      (w->>'inputTokens')::int AS "inputTokens", (w->>'outputTokens')::int AS "outputTokens",
      (w->>'totalTokens')::int AS "totalTokens", w->>'model' AS "model", w->'input' AS "input",
      w->'provenance' AS "provenance"
    FROM jsonb_array_elements(${stepsJson(steps)}::jsonb) AS w),
  steps_updated AS (
    UPDATE "JobStep" s SET "status" = r."status",
      "attempts" = s."attempts" + CASE WHEN r."started" THEN 1 ELSE 0 END,
      "startedAt" = CASE WHEN r."started" THEN now() ELSE s."startedAt" END,
      "completedAt" = CASE WHEN r."status" = 'running' THEN NULL ELSE now() END,
      "output" = r."output", "error" = r."error", "durationMs" = r."durationMs", "inputTokens" = r."inputTokens",
      "outputTokens" = r."outputTokens", "totalTokens" = r."totalTokens",
      "model" = COALESCE(r."model", s."model"), "input" = COALESCE(r."input", s."input"),
      "provenance" = COALESCE(r."provenance", s."provenance")
    FROM job, step_rows r WHERE s."jobId" = job."id" AND s."key" = r."key"
    RETURNING s."key"),
  steps_inserted AS (
    INSERT INTO "JobStep" ("id", "jobId", "key", "status", "output", "error", "attempts", "startedAt", "completedAt",
      "durationMs", "inputTokens", "outputTokens", "totalTokens", "model", "input", "provenance")
    SELECT gen_random_uuid(), job."id", r."key", r."status", r."output", r."error", 1, now(),
      CASE WHEN r."status" = 'running' THEN NULL ELSE now() END, r."durationMs", r."inputTokens", r."outputTokens",
      r."totalTokens", r."model", r."input", r."provenance"
    FROM job, step_rows r WHERE r."key" NOT IN (SELECT "key" FROM steps_updated)
    RETURNING 1)`;
}

/**
 * A change writes its events only while the log holds no terminal event (docs/architecture.md, Guarantees 9): a job
 * ends once, and nothing follows its end, whatever a replay or a late write of the run still has to say. The row,
 * steps and checkpoint of the change are still written under its guard.
 */
function closedCheck(jobId: string, events: readonly NewEvent[]): Prisma.Sql {
  if (events.length === 0) return Prisma.sql`closed AS (SELECT false AS "done")`;
  return Prisma.sql`closed AS (SELECT EXISTS (SELECT 1 FROM "JobEvent"
    WHERE "jobId" = ${jobId}::uuid AND "type" IN ${TERMINAL_EVENT_LIST}) AS "done")`;
}

function jobUpdate(jobId: string, change: JobChange, count: number, checkpointGuard: Prisma.Sql | null): Prisma.Sql {
  const set = [
    Prisma.sql`"lastSeq" = "lastSeq" + CASE WHEN (SELECT "done" FROM closed) THEN 0 ELSE ${count}::int END`,
    Prisma.sql`"version" = "version" + 1`,
    Prisma.sql`"updatedAt" = now()`,
    ...columnClauses(change.set ?? {}),
  ];
  const where = [
    Prisma.sql`"id" = ${jobId}::uuid`,
    ...guardClauses(jobId, change.guard ?? {}),
    ...(checkpointGuard ? [checkpointGuard] : []),
  ];
  return Prisma.sql`job AS (UPDATE "Job" SET ${Prisma.join(set, ", ")} WHERE ${Prisma.join(where, " AND ")}
    RETURNING ${JOB_COLUMNS})`;
}

function eventsInsert(events: readonly NewEvent[]): Prisma.Sql {
  return Prisma.sql`stored AS (
    INSERT INTO "JobEvent" ("jobId", "seq", "type", "phase", "message", "data", "createdAt")
    SELECT job."id", job."lastSeq" - ${events.length}::int + e.ord::int, e.v->>'type', e.v->>'phase',
      COALESCE(e.v->>'message', ''), COALESCE(e.v->'data', '{}'::jsonb), clock_timestamp()
    FROM job, jsonb_array_elements(${eventsJson(events)}::jsonb) WITH ORDINALITY AS e(v, ord)
    WHERE NOT (SELECT "done" FROM closed)
    RETURNING *)`;
}

/** With `announceAs`, other servers hear of the new events when the statement commits (docs/architecture.md). */
function announcement(announceAs: string | undefined): Prisma.Sql {
  if (announceAs === undefined) return Prisma.sql`NULL`;
  return Prisma.sql`CASE WHEN NOT EXISTS (SELECT 1 FROM stored) THEN NULL ELSE pg_notify(${EVENT_CHANNEL},
    json_build_object('jobId', job."id", 'seq', job."lastSeq", 'origin', ${announceAs}::text)::text)::text END`;
}

export function changeStatement(jobId: string, change: JobChange, announceAs?: string): Prisma.Sql {
  const events = change.events ?? [];
  const checkpoint = checkpointParts(jobId, change.checkpoint);
  const ctes = [
    checkpoint.before,
    closedCheck(jobId, events),
    jobUpdate(jobId, change, events.length, checkpoint.guard),
    eventsInsert(events),
    checkpoint.after,
  ].filter((cte): cte is Prisma.Sql => cte !== null);
  const steps = change.steps?.length ? stepsWrite(change.steps) : Prisma.empty;
  return Prisma.sql`WITH ${Prisma.join(ctes, ", ")} ${steps}
    SELECT job.*,
      COALESCE((SELECT json_agg(stored ORDER BY stored."seq") FROM stored), '[]'::json) AS "__events",
      ${checkpoint.selected} AS "__checkpoint",
      ${announcement(announceAs)} AS "__announced"
    FROM job`;
}
