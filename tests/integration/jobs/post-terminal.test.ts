import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/db/client";
import type { JobSystem } from "../../../server/durable/job-system";
import type { Workflow } from "../../../server/durable/workflow";
import { workflowRegistry } from "../../../server/durable/workflow";
import { openTestDatabase } from "../../support/db";
import { NO_OPTIONS, testJobSystem, testWorkflow, waitFor, waitForStatus } from "../../support/jobs";

/**
 * docs/architecture.md, Guarantees 9: nothing is ever stored after a job's terminal event. Fault injection in the
 * style of crash-points.test.ts and crash-repair.test.ts: a terminal event is put into the log between a run's steps
 * (as a crash or another server could have left it), or a finished job is replayed, and the run goes on emitting
 * progress, notes, phases and steps; the log must end at its terminal event.
 */
let db: Database;
const systems: JobSystem[] = [];

/** Called between the two steps of a run (the fault injection point); none by default. */
let between: ((jobId: string) => Promise<void>) | undefined;

/** Phase, step a, [injection], a progress move and a note outside any step, another phase, step b. */
const workflow: Workflow = async (ctx) => {
  await ctx.phase("One");
  const a = await ctx.run("one#1/a", async () => ({ step: "a" }), { progress: { percent: 10 } });
  await between?.(ctx.job.id);
  await ctx.progress(60, "halfway");
  await ctx.emit({ type: "reasoning", message: "thinking between the steps" });
  await ctx.phase("Two");
  const b = await ctx.run("two#1/b", async () => ({ step: "b" }), { progress: { percent: 80 } });
  return { result: { a, b } };
};

function server(id: string): JobSystem {
  const system = testJobSystem(db, {
    runner: { id, sweepMs: 100 },
    workflows: workflowRegistry([testWorkflow("two-steps", workflow)]),
  });
  systems.push(system);
  return system;
}

const create = (system: JobSystem) =>
  system.service.create({
    ownerId: "default",
    task: "two steps",
    options: NO_OPTIONS,
    engine: "offline",
    workflow: "two-steps",
  });

beforeAll(async () => {
  db = await openTestDatabase();
});
afterEach(async () => {
  between = undefined;
  await Promise.all(systems.splice(0).map((system) => system.runner.stop()));
});
afterAll(async () => db.close());

const TERMINAL = ["completed", "failed", "cancelled"];
const events = (jobId: string) => db.prisma.jobEvent.findMany({ where: { jobId }, orderBy: { seq: "asc" } });

/** The log ends at its one terminal event, with gap-free seqs; returns the event types. */
async function expectClosedLog(jobId: string, terminal: string): Promise<string[]> {
  const log = await events(jobId);
  const types = log.map((e) => e.type);
  expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
  expect(types.filter((t) => TERMINAL.includes(t))).toEqual([terminal]);
  expect(types.slice(types.indexOf(terminal) + 1)).toEqual([]);
  const row = await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
  expect(row.lastSeq).toBe(log.length);
  return types;
}

describe("a terminal event injected between a run's steps", () => {
  it("stored without its status (as a crash leaves it): the run goes on, but writes no event after it", async () => {
    const system = server("runner");
    between = async (jobId) => {
      await system.events.append(jobId, { type: "completed", message: "Job completed", data: { status: "completed" } });
    };
    await system.runner.start();
    const { job } = await create(system);
    const row = await waitForStatus(db, job.id, ["completed", "failed"]);
    await waitFor(async () => !system.runner.isActive(job.id), 15_000, "the run to stop");

    expect(row.status).toBe("completed");
    const types = await expectClosedLog(job.id, "completed");
    expect(types).not.toContain("reasoning");
  });

  it("with its status (another server failed the job): the run stops and writes nothing after it", async () => {
    const system = server("runner");
    const other = server("other");
    between = async (jobId) => {
      expect(await other.lifecycle.fail(jobId, "failed elsewhere")).toBe(true);
    };
    await system.runner.start();
    const { job } = await create(system);
    await waitForStatus(db, job.id, ["failed", "completed"]);
    await waitFor(async () => !system.runner.isActive(job.id), 15_000, "the run to stop");

    expect((await db.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("failed");
    await expectClosedLog(job.id, "failed");
  });
});

describe("a replay after the terminal event", () => {
  it("a finished job replayed (its status lost, progress reset): progress and notes are not stored after it", async () => {
    const first = server("first");
    await first.runner.start();
    const { job } = await create(first);
    const finished = await waitForStatus(db, job.id, ["completed"]);
    await first.runner.stop();
    const before = await expectClosedLog(job.id, "completed");
    // The crash state of crash-repair.test.ts: the closing event stored, the status and progress not.
    await db.prisma.job.update({
      where: { id: job.id },
      data: { status: "running", completedAt: null, progress: 0, version: { increment: 1 } },
    });

    const next = server("next");
    await next.runner.start();
    const row = await waitForStatus(db, job.id, ["completed"]);
    await waitFor(async () => !next.runner.isActive(job.id), 15_000, "the replay to stop");

    expect(row.result).toEqual(finished.result);
    expect(await expectClosedLog(job.id, "completed")).toEqual(before);
  });

  it("a raw append to a finished job's log is refused", async () => {
    const system = server("runner");
    await system.runner.start();
    const { job } = await create(system);
    await waitForStatus(db, job.id, ["completed"]);
    const before = await expectClosedLog(job.id, "completed");

    await expect(system.events.append(job.id, { type: "reasoning", message: "too late" })).rejects.toThrow(/closed/);
    expect(await expectClosedLog(job.id, "completed")).toEqual(before);
  });
});
