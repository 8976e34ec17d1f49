import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/db/client";
import type { JobSystem } from "../../../server/durable/job-system";
import type { Workflow } from "../../../server/durable/workflow";
import { workflowRegistry } from "../../../server/durable/workflow";
import { openTestDatabase } from "../../support/db";
import { NO_OPTIONS, testJobSystem, testWorkflow, waitFor, waitForStatus } from "../../support/jobs";

/**
 * docs/architecture.md, Guarantees 8: a cancel answered `running` on server A wins over a completion on server B,
 * whatever the timing. B's heartbeat is kept from noticing the cancel request (it beats once a minute here), so the
 * only thing between the request and the completion is the completion's own statement.
 */
let db: Database;
const systems: JobSystem[] = [];

/** A promise per job, resolved from outside; whoever comes first (waiter or resolver) creates it. */
function latches() {
  const made = new Map<string, { promise: Promise<void>; open: () => void }>();
  const latch = (jobId: string) => {
    let entry = made.get(jobId);
    if (!entry) {
      const opened: { resolve?: () => void } = {};
      const promise = new Promise<void>((resolve) => (opened.resolve = resolve));
      entry = { promise, open: () => opened.resolve?.() };
      made.set(jobId, entry);
    }
    return entry;
  };
  return { wait: (jobId: string) => latch(jobId).promise, open: (jobId: string) => latch(jobId).open() };
}

/** A workflow whose one step blocks until the test releases it (ignoring the AbortSignal, as a busy step may). */
function gatedWorkflow() {
  const reached = latches();
  const gate = latches();
  const workflow: Workflow = async (ctx) => {
    await ctx.phase("Working");
    const out = await ctx.run("working#1/work", async () => {
      reached.open(ctx.job.id);
      await gate.wait(ctx.job.id);
      return { worked: true };
    });
    return { result: { out } };
  };
  /** `reached`: resolves once the job's step runs (and waits at its gate); `release` lets it finish. */
  return { workflow, reached: reached.wait, release: gate.open };
}

/** A "server": a job system over the shared database that runs the gated workflow. */
function server(id: string, gated: ReturnType<typeof gatedWorkflow>, delays = 0): JobSystem {
  const system = testJobSystem(db, {
    delays,
    runner: { id, leaseMs: 120_000, heartbeatMs: 60_000, sweepMs: 600_000 },
    workflows: workflowRegistry([testWorkflow("gated", gated.workflow)]),
  });
  systems.push(system);
  return system;
}

beforeAll(async () => {
  db = await openTestDatabase();
});
afterEach(async () => {
  await Promise.all(systems.splice(0).map((system) => system.runner.stop()));
});
afterAll(async () => db.close());

const events = (jobId: string) => db.prisma.jobEvent.findMany({ where: { jobId }, orderBy: { seq: "asc" } });
const terminalEvents = async (jobId: string) =>
  (await events(jobId)).map((e) => e.type).filter((t) => ["completed", "failed", "cancelled"].includes(t));

/** Two servers; the job is created on B, so B runs it (A's runner sweeps only at its start, before the job). */
async function twoServers(delays = 0) {
  const gated = gatedWorkflow();
  const a = server("server-a", gated, delays);
  const b = server("server-b", gated, delays);
  await a.runner.start();
  await b.runner.start();
  const job = (
    await b.service.create({
      ownerId: "default",
      task: "a gated job",
      options: NO_OPTIONS,
      engine: "offline",
      workflow: "gated",
    })
  ).job;
  return { gated, a, b, job };
}

describe("a cancel on server A against a run on server B", () => {
  it("cancel first (answered running), then B's step finishes: the job ends cancelled, never completed", async () => {
    const { gated, a, b, job } = await twoServers();
    await gated.reached(job.id);
    expect(b.runner.isActive(job.id)).toBe(true);

    const answered = await a.service.cancel("default", job.id);
    expect([answered.status, answered.cancelRequested]).toEqual(["running", true]);

    gated.release(job.id);
    const row = await waitForStatus(db, job.id, ["cancelled", "completed", "failed"]);
    await waitFor(async () => !b.runner.isActive(job.id), 15_000, "B's run to stop");
    expect(row.status).toBe("cancelled");
    expect(await terminalEvents(job.id)).toEqual(["cancelled"]);
    expect((await events(job.id)).at(-1)?.type).toBe("cancelled");
    const final = await db.prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect([final.status, final.result, final.leaseOwner]).toEqual(["cancelled", null, null]);
    expect((await a.service.get("default", job.id)).status).toBe("cancelled");
  });

  it("B's step finishes first, then the cancel: the job stays completed and the cancel answers completed", async () => {
    const { gated, a, job } = await twoServers();
    await gated.reached(job.id).then(() => gated.release(job.id));
    await waitForStatus(db, job.id, ["completed"]);

    const answered = await a.service.cancel("default", job.id);
    expect(answered.status).toBe("completed");
    expect(await terminalEvents(job.id)).toEqual(["completed"]);
    const final = await db.prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect([final.status, final.cancelRequested]).toEqual(["completed", false]);
  });

  it("cancel and completion at the same moment (random delays): the cancel's answer and the job's end agree", async () => {
    for (let round = 0; round < 8; round++) {
      const { gated, a, b, job } = await twoServers(3);
      await gated.reached(job.id);
      const [answered] = await Promise.all([a.service.cancel("default", job.id), gated.release(job.id)]);
      const row = await waitForStatus(db, job.id, ["cancelled", "completed", "failed"]);
      await waitFor(async () => !b.runner.isActive(job.id), 15_000, "B's run to stop");
      // Answered running (the cancel was requested before the end): cancelled. Answered finished: as answered.
      const expected = answered.status === "running" ? "cancelled" : answered.status;
      expect([round, row.status]).toEqual([round, expected]);
      expect(await terminalEvents(job.id)).toEqual([row.status]);
      await Promise.all(systems.splice(0).map((system) => system.runner.stop()));
    }
  });
});
