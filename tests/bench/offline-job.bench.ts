import { PGlite } from "@electric-sql/pglite";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { NO_SKILL_JOB_OPTIONS } from "../../contracts/skill-job";
import { resetEnvForTests } from "../../server/common/env";
import { PrismaClient } from "../../server/db/client";
import { migrate } from "../../server/db/migrate";
import { gatedPglite, PriorityGate } from "../../server/db/priority-gate";
import { pgliteSession } from "../../server/db/sql-session";
import { createJobSystem, type JobSystem } from "../../server/durable/job-system";
import { prismaRepositories } from "../../server/durable/repositories/index";
import { workflowRegistry } from "../../server/durable/workflow";
import { prismaOverPglite } from "../../server/db/client";
import { libraryOver } from "../../server/services";
import { productWorkflows } from "../../server/workflows/registry";
import { skillWorkflow } from "../../server/workflows/skill/skill-workflow";
import { startTestServer } from "../support/test-server";
import { nodeClient } from "../support/trpc-client";
import { percentile, report, BENCH_SERVER_ENV } from "./support/figures";
import { benchJob, memoryContext } from "./support/memory-context";

/**
 * Where an offline job's time goes (docs/performance.md):
 *  1. end to end on the built server (`next start`, embedded database on disk), server-side: the job row's
 *     createdAt → completedAt, one job at a time; against the workflow's own compute with nothing stored;
 *  2. a trace of one job in-process: the statements it runs (each one round trip), how long they run, and how long
 *     they wait for the embedded database's one connection when four jobs run at once.
 */
const TASK = "Create a skill for debugging flaky Playwright tests in CI pipelines";
const JOBS = Number(process.env.BENCH_OFFLINE_JOBS ?? 20);
const WARM_UP = 3;

async function endToEnd(): Promise<number[]> {
  const server = await startTestServer({ ...BENCH_SERVER_ENV });
  try {
    const client = nodeClient(server.url);
    const durations: number[] = [];
    for (let i = 0; i < WARM_UP + JOBS; i++) {
      const { jobId } = await client.skills.create.mutate({ task: `${TASK} (run ${i})` });
      await new Promise<void>((resolve, reject) =>
        client.jobs.events.subscribe({ jobId }, { onComplete: resolve, onError: reject }),
      );
      const job = await client.jobs.get.query({ jobId });
      // Offline, a job ends pending_review (its draft is a scaffold, docs/quality.md): finished either way.
      const finished = job.status === "completed" || job.status === "pending_review";
      if (!finished || !job.completedAt) throw new Error(`bench job ${jobId} ended ${job.status}`);
      if (i >= WARM_UP) durations.push(job.completedAt.getTime() - job.createdAt.getTime());
    }
    return durations;
  } finally {
    await server.stop();
  }
}

/** The workflow alone: no job bookkeeping; its draft (part of its own work) goes to an in-memory database. */
async function computeOnly(): Promise<number[]> {
  const pglite = await PGlite.create();
  await migrate(pgliteSession(pglite));
  const db = prismaOverPglite(pglite);
  const run = skillWorkflow(libraryOver(db.prisma));
  const durations: number[] = [];
  for (let i = 0; i < WARM_UP + JOBS; i++) {
    const started = performance.now();
    await run(memoryContext(benchJob(`${TASK} (run ${i})`, NO_SKILL_JOB_OPTIONS)));
    if (i >= WARM_UP) durations.push(performance.now() - started);
  }
  await db.prisma.$disconnect();
  await pglite.close();
  return durations;
}

/** Counts the statements that reach the database and times their wait for the connection and their run. */
class TracingGate extends PriorityGate {
  statements = 0;
  queuedMs = 0;
  runningMs = 0;

  override run<T>(work: () => Promise<T>): Promise<T> {
    const called = performance.now();
    return super.run(async () => {
      const started = performance.now();
      this.queuedMs += started - called;
      try {
        return await work();
      } finally {
        this.statements += 1;
        this.runningMs += performance.now() - started;
      }
    });
  }

  reset(): void {
    this.statements = this.queuedMs = this.runningMs = 0;
  }
}

async function runJobs(system: JobSystem, count: number): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const input = { ownerId: "default", task: `${TASK} (traced ${i})`, options: NO_SKILL_JOB_OPTIONS };
      const { job } = await system.service.create({ ...input, engine: "offline", workflow: "skill" });
      await new Promise<void>((resolve) => {
        const stop = system.events.bus.subscribe(job.id, (event) => {
          if (event.type !== "completed" && event.type !== "failed") return;
          stop();
          resolve();
        });
      });
    }),
  );
}

async function trace(dir: string): Promise<void> {
  const pglite = await PGlite.create(path.join(dir, "pglite"));
  await migrate(pgliteSession(pglite));
  const gate = new TracingGate();
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(gatedPglite(pglite, gate)) });
  const system = createJobSystem(prismaRepositories(prisma), {
    runner: { maxConcurrent: 4, leaseMs: 30_000, sweepMs: 600_000 },
    checkpointTimeoutMs: 3_600_000,
    log: pino({ level: "silent" }),
    workflows: workflowRegistry(productWorkflows(libraryOver(prisma))),
  });
  await system.runner.start();
  await runJobs(system, WARM_UP);
  gate.reset();
  await runJobs(system, 1);
  const [steps, events] = await Promise.all([prisma.jobStep.count(), prisma.jobEvent.count()]);
  const perJob = { statements: gate.statements, runningMs: gate.runningMs };
  gate.reset();
  await runJobs(system, 4);
  report({
    name: "offline job: statements (one round trip each), one job alone",
    value: perJob.statements,
    unit: "statements",
    baseline: { name: "rows it stores (steps + events)", value: (steps + events) / (WARM_UP + 1) },
  });
  report({
    name: "offline job: time its statements run on the embedded connection",
    value: perJob.runningMs,
    unit: "ms",
  });
  report({
    name: "offline job: time its statements wait for the connection, 4 jobs at once",
    value: gate.queuedMs / 4,
    unit: "ms per job",
    baseline: { name: "time they run", value: gate.runningMs / 4 },
  });
  await system.runner.stop();
  await prisma.$disconnect();
  await pglite.close();
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "skill-fleet-bench-offline-"));
process.env.SKILL_FLEET_SKILLS_ROOT = path.join(dir, "skills");
resetEnvForTests();
try {
  const compute = percentile(await computeOnly(), 50);
  await trace(dir);
  const server = percentile(await endToEnd(), 50);
  report({
    name: "offline job end to end, server-side p50 (built server, embedded database)",
    value: server,
    unit: "ms",
    baseline: { name: "the workflow alone, draft in an in-memory database", value: compute },
    goal: { text: "≤ 300 ms", met: server <= 300 },
  });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
