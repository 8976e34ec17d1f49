import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/db/client";
import { createJobSystem, type JobSystem } from "../../../server/durable/job-system";
import type { Repositories } from "../../../server/durable/repositories/contracts";
import { prismaRepositories } from "../../../server/durable/repositories/index";
import { workflowRegistry } from "../../../server/durable/workflow";
import { openTestDatabase } from "../../support/db";
import {
  countingWorkflow,
  createCounted,
  present,
  systemWithCounting,
  testWorkflow,
  waitFor,
  waitForStatus,
} from "../../support/jobs";

/**
 * docs/architecture.md, Crash safety, tested by killing a server at every database call it makes: wherever a process
 * dies, the database holds nothing a restart does not finish correctly. "Dying" means every repository call after the
 * chosen one fails, so nothing more reaches the database, as if the process had been killed right there.
 */
class Killed extends Error {}

interface Budget {
  armed: boolean;
  left: number;
}

/** Repositories that, once armed, work for `budget.left` more calls and then fail every call. */
function dyingRepositories(repos: Repositories, budget: Budget): Repositories {
  const dying = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value: unknown = Reflect.get(object, property, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (budget.armed && budget.left-- <= 0) return Promise.reject(new Killed("the process died here"));
          return (value as (...a: unknown[]) => unknown).apply(object, args);
        };
      },
    });
  return {
    jobs: dying(repos.jobs),
    steps: dying(repos.steps),
    checkpoints: dying(repos.checkpoints),
    events: dying(repos.events),
  };
}

/** Generous: a restart sweeps, waits out a short lease and replays one short job, on a loaded machine. */
const FINISHED_WITHIN_MS = 60_000;
/** More calls than one job run or one answer makes: the loops stop at the first run that survives its budget. */
const MAX_CRASH_POINTS = 80;
/** The dying server's lease: short, so the next server takes the job over soon after the death. */
const DYING_LEASE_MS = 300;

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db.close());

/** A server of the counting workflow over dying repositories. */
function dyingServer(budget: Budget) {
  const counting = countingWorkflow();
  const system = createJobSystem(dyingRepositories(prismaRepositories(db.prisma), budget), {
    runner: { id: `dying-${budget.left}`, maxConcurrent: 2, leaseMs: DYING_LEASE_MS, sweepMs: 600_000 },
    checkpointTimeoutMs: 3_600_000,
    log: pino({ level: "silent" }),
    workflows: workflowRegistry([testWorkflow("counting", counting.workflow)]),
  });
  return { system, calls: counting.calls };
}

async function expectEndedOnce(jobId: string): Promise<void> {
  const events = await db.prisma.jobEvent.findMany({ where: { jobId }, orderBy: { seq: "asc" } });
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect(events.filter((e) => ["completed", "failed", "cancelled"].includes(e.type))).toHaveLength(1);
}

/** What a death during hitl.answer left: all of the answer, or none of it. */
async function answerState(jobId: string, checkpointId: string): Promise<"none" | "all" | string> {
  const checkpoint = await db.prisma.checkpoint.findUniqueOrThrow({ where: { id: checkpointId } });
  const job = await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
  const events = await db.prisma.jobEvent.count({ where: { jobId, type: "hitl_answered" } });
  const state = `checkpoint ${checkpoint.status}, job ${job.status}, ${events} hitl_answered`;
  if (state === "checkpoint pending, job pending_hitl, 0 hitl_answered") return "none";
  if (state === "checkpoint answered, job running, 1 hitl_answered") return "all";
  return state;
}

async function killedAnswer(system: JobSystem, jobId: string, checkpointId: string): Promise<boolean> {
  try {
    await system.service.answer("default", jobId, checkpointId, { action: "proceed" });
    return false;
  } catch (error) {
    if (error instanceof Killed) return true;
    throw error;
  }
}

describe("a server killed at any database call of hitl.answer", () => {
  it("leaves either no answer or all of it (answered checkpoint, running job, its event), and the job ends once", async () => {
    const healthy = systemWithCounting(db, { runner: { id: "healthy" } });
    await healthy.system.runner.start();
    let deaths = 0;
    try {
      for (let calls = 0; calls < MAX_CRASH_POINTS; calls++) {
        const { job } = await createCounted(healthy.system, { confirmPlan: true });
        await waitForStatus(db, job.id, ["pending_hitl"], FINISHED_WITHIN_MS);
        const checkpoint = present(await healthy.system.repos.checkpoints.findPendingForJob(job.id));
        // Not started: the answer would queue the job there, where it must not run.
        const dying = dyingServer({ armed: true, left: calls });
        const killed = await killedAnswer(dying.system, job.id, checkpoint.id);
        const state = await answerState(job.id, checkpoint.id);
        expect([calls, state]).toEqual([calls, expect.stringMatching(/^(none|all)$/)]);
        if (state === "none")
          await healthy.system.service.answer("default", job.id, checkpoint.id, { action: "proceed" });
        else healthy.system.runner.enqueue(job.id); // the client was told nothing: the sweep would queue it too
        await waitForStatus(db, job.id, ["completed"], FINISHED_WITHIN_MS);
        await expectEndedOnce(job.id);
        expect(await db.prisma.jobEvent.count({ where: { jobId: job.id, type: "hitl_answered" } })).toBe(1);
        if (!killed) break; // the answer survived its budget: every earlier death point was tried
        deaths++;
      }
    } finally {
      await healthy.system.runner.stop();
    }
    expect(deaths).toBeGreaterThanOrEqual(3); // the answer's reads and its write were each a death point
  });
});

describe("a server killed at any database call of a job's run", () => {
  it("leaves a job the next server finishes exactly once, without running a finished step again", async () => {
    let deaths = 0;
    for (let calls = 1; calls < MAX_CRASH_POINTS; calls++) {
      const budget: Budget = { armed: false, left: calls };
      const dying = dyingServer(budget);
      await dying.system.runner.start();
      const { job } = await createCounted(dying.system);
      budget.armed = true; // from here on, the run's calls count
      await waitFor(async () => !dying.system.runner.isActive(job.id), FINISHED_WITHIN_MS, "the run to stop");
      await dying.system.runner.stop();
      const survived = budget.left >= 0;
      const finishedSteps = await db.prisma.jobStep.findMany({
        where: { jobId: job.id, status: "completed", key: { not: { contains: "@phase" } } },
      });

      const next = systemWithCounting(db, { runner: { id: `next-${calls}`, sweepMs: 100 } });
      await next.system.runner.start();
      try {
        await waitForStatus(db, job.id, ["completed"], FINISHED_WITHIN_MS);
        await expectEndedOnce(job.id);
        for (const step of finishedSteps)
          expect([calls, step.key, next.calls(job.id, step.key.split("#")[0] ?? "")]).toEqual([calls, step.key, 0]);
      } finally {
        await next.system.runner.stop();
      }
      if (survived) break; // the run finished within its budget: every earlier death point was tried
      deaths++;
    }
    expect(deaths).toBeGreaterThanOrEqual(5); // the claim, the two phases, the steps' writes, the completion
  });
});
