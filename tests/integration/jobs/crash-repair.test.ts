import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/db/client";
import { openTestDatabase } from "../../support/db";
import { createCounted, present, systemWithCounting, waitFor, waitForStatus } from "../../support/jobs";

/**
 * docs/architecture.md, Crash safety: every state a crash can leave is either impossible or repaired by the runner's
 * start-up sweep. Each test writes such a state into the database directly (as a process killed at the worst moment
 * would have left it), starts a fresh server on the database, and checks the repair: the job ends exactly once, every
 * answer is applied once with its event, and no finished step runs again.
 */
let db: Database;
const servers: ReturnType<typeof systemWithCounting>[] = [];

/** A server of the counting workflow (steps a, confirm, b, c); stopped after each test. */
function server(id: string) {
  const started = systemWithCounting(db, { runner: { id } });
  servers.push(started);
  return started;
}

/** The repair must happen within a start-up sweep and one short job: generous, for a loaded machine. */
const REPAIRED_WITHIN_MS = 60_000;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.system.runner.stop()));
});
afterAll(async () => db.close());

const events = (jobId: string) => db.prisma.jobEvent.findMany({ where: { jobId }, orderBy: { seq: "asc" } });
const types = async (jobId: string) => (await events(jobId)).map((e) => e.type);
const count = (list: string[], type: string) => list.filter((t) => t === type).length;

/** A job of a first server, stopped at its confirm checkpoint; the server is gone afterwards. */
async function jobAtCheckpoint() {
  const first = server("first");
  await first.system.runner.start();
  const { job } = await createCounted(first.system, { confirmPlan: true });
  await waitForStatus(db, job.id, ["pending_hitl"], REPAIRED_WITHIN_MS);
  await first.system.runner.stop();
  const checkpoint = await db.prisma.checkpoint.findFirstOrThrow({ where: { jobId: job.id } });
  return { jobId: job.id, checkpointId: checkpoint.id, first };
}

async function expectGapFreeLog(jobId: string): Promise<void> {
  const seqs = (await events(jobId)).map((e) => e.seq);
  expect(seqs).toEqual(seqs.map((_, i) => i + 1));
}

describe("crash window: an answer stored, its job still waiting", () => {
  it("the start-up sweep resumes the job, applies the answer once and writes the missing hitl_answered event", async () => {
    const { jobId, checkpointId, first } = await jobAtCheckpoint();
    // The crash: the checkpoint was marked answered, the process died before the job was set running.
    await db.prisma.checkpoint.update({
      where: { id: checkpointId },
      data: { status: "answered", response: { action: "proceed" }, answeredBy: "default", answeredAt: new Date() },
    });

    const next = server("next");
    await next.system.runner.start();
    const row = await waitForStatus(db, jobId, ["completed"], REPAIRED_WITHIN_MS);

    expect(row.result).toMatchObject({ answer: { action: "proceed" } });
    expect([first.calls(jobId, "a"), next.calls(jobId, "a")]).toEqual([1, 0]); // replayed, not re-run
    expect([next.calls(jobId, "b"), next.calls(jobId, "c")]).toEqual([1, 1]);
    const log = await types(jobId);
    expect(count(log, "hitl_answered")).toBe(1);
    expect(count(log, "completed")).toBe(1);
    await expectGapFreeLog(jobId);
    // The client that re-sends its answer after the crash is told it was taken.
    expect(await next.system.service.answer("default", jobId, checkpointId, { action: "proceed" })).toBe("duplicate");
  });

  it("a job waiting at a checkpoint a crash left closed (expired, not yet failed) ends failed with its reason", async () => {
    const { jobId, checkpointId } = await jobAtCheckpoint();
    await db.prisma.checkpoint.update({ where: { id: checkpointId }, data: { status: "expired" } });

    const next = server("next");
    await next.system.runner.start();
    const row = await waitForStatus(db, jobId, ["failed"], REPAIRED_WITHIN_MS);

    expect(row.error).toMatch(/confirm/);
    expect(row.error).toMatch(/expired/);
    expect(next.calls(jobId, "b")).toBe(0);
    expect(count(await types(jobId), "failed")).toBe(1);
    await expectGapFreeLog(jobId);
  });

  it("a job waiting without any checkpoint is resumed and asks again", async () => {
    const { jobId } = await jobAtCheckpoint();
    await db.prisma.checkpoint.deleteMany({ where: { jobId } });

    const next = server("next");
    await next.system.runner.start();
    const reopened = await waitForCheckpoint(jobId);
    expect(reopened.status).toBe("pending");
    expect((await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("pending_hitl");
    expect(await next.system.service.answer("default", jobId, reopened.id, { action: "proceed" })).toBe("accepted");
    await waitForStatus(db, jobId, ["completed"], REPAIRED_WITHIN_MS);
    expect(next.calls(jobId, "a")).toBe(0);
    await expectGapFreeLog(jobId);
  });
});

/** The job's open checkpoint, once it has one. */
const waitForCheckpoint = (jobId: string) =>
  waitFor(
    async () => (await db.prisma.checkpoint.findFirst({ where: { jobId, status: "pending" } })) ?? undefined,
    REPAIRED_WITHIN_MS,
    `job ${jobId} to ask again`,
  );

describe("crash window: an answer applied, its hitl_answered event lost", () => {
  it("the job finishes with exactly one hitl_answered event", async () => {
    const { jobId, checkpointId } = await jobAtCheckpoint();
    // The crash: checkpoint answered and job set running, the process died before the event was stored.
    await db.prisma.checkpoint.update({
      where: { id: checkpointId },
      data: { status: "answered", response: { action: "proceed" }, answeredBy: "default", answeredAt: new Date() },
    });
    await db.prisma.job.update({ where: { id: jobId }, data: { status: "running", version: { increment: 1 } } });

    const next = server("next");
    await next.system.runner.start();
    await waitForStatus(db, jobId, ["completed"], REPAIRED_WITHIN_MS);

    const log = await types(jobId);
    expect(count(log, "hitl_answered")).toBe(1);
    expect(log.indexOf("hitl_answered")).toBeLessThan(log.indexOf("completed"));
    await expectGapFreeLog(jobId);
  });
});

describe("crash window: a closing event stored, its status not", () => {
  it("the job ends with its status and result, and still exactly one completed event", async () => {
    const first = server("first");
    await first.system.runner.start();
    const { job } = await createCounted(first.system);
    const finished = await waitForStatus(db, job.id, ["completed"], REPAIRED_WITHIN_MS);
    await first.system.runner.stop();
    // The crash: the completed event was stored, the process died before the status and result were.
    await db.prisma.job.update({
      where: { id: job.id },
      data: { status: "running", completedAt: null, progress: 50, version: { increment: 1 } },
    });
    await db.prisma.$executeRaw`UPDATE "Job" SET "result" = NULL WHERE "id" = ${job.id}::uuid`;

    const next = server("next");
    await next.system.runner.start();
    const row = await waitForStatus(db, job.id, ["completed"], REPAIRED_WITHIN_MS);

    expect(row.result).toEqual(finished.result);
    expect(row.completedAt).not.toBeNull();
    expect(["a", "b", "c"].map((step) => next.calls(job.id, step))).toEqual([0, 0, 0]); // nothing re-run
    expect(count(await types(job.id), "completed")).toBe(1);
    await expectGapFreeLog(job.id);
  });

  it("a failed event stored without its status: the job ends failed, once", async () => {
    const first = server("first");
    await first.system.runner.start();
    const { job } = await createCounted(first.system, { confirmPlan: true });
    await waitForStatus(db, job.id, ["pending_hitl"], REPAIRED_WITHIN_MS);
    await first.system.runner.stop();
    // The crash: expiry stored the checkpoint's new status and the failed event, not the job's.
    await db.prisma.checkpoint.updateMany({ where: { jobId: job.id }, data: { status: "expired" } });
    await first.system.events.append(job.id, { type: "failed", message: "Checkpoint expired", data: {} });

    const next = server("next");
    await next.system.runner.start();
    const row = await waitForStatus(db, job.id, ["failed"], REPAIRED_WITHIN_MS);

    expect(row.error).toBe("Checkpoint expired");
    expect(count(await types(job.id), "failed")).toBe(1);
    expect(next.calls(job.id, "b")).toBe(0);
  });
});

describe("a running job without a live lease", () => {
  it("is resumed by the start-up sweep at once when its lease has expired", async () => {
    const first = server("first");
    const { job } = await createCounted(first.system); // created, never run: as if its server died at once
    await db.prisma.job.update({
      where: { id: job.id },
      data: { status: "running", leaseOwner: "dead-server", leaseExpiresAt: new Date(Date.now() - 1_000) },
    });

    const next = server("next");
    await next.system.runner.start();
    await waitForStatus(db, job.id, ["completed"], REPAIRED_WITHIN_MS);
    expect(present(await db.prisma.job.findUnique({ where: { id: job.id } })).leaseOwner).toBeNull();
    expect(count(await types(job.id), "completed")).toBe(1);
  });
});
