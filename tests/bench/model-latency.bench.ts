import { PGlite } from "@electric-sql/pglite";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { NO_SKILL_JOB_OPTIONS } from "../../contracts/skill-job";
import { FIXED_LATENCY_MS } from "../../dev/scripted/scenarios";
import { registerDevTools } from "../../dev/register";
import { resetEnvForTests } from "../../server/common/env";
import { prismaOverPglite } from "../../server/db/client";
import { migrate } from "../../server/db/migrate";
import { pgliteSession } from "../../server/db/sql-session";
import { createJobSystem, type JobSystem } from "../../server/durable/job-system";
import { prismaRepositories } from "../../server/durable/repositories/index";
import type { StepRecord } from "../../server/durable/types";
import { workflowRegistry } from "../../server/durable/workflow";
import { libraryOver } from "../../server/services";
import { productWorkflows } from "../../server/workflows/registry";
import { percentile, report } from "./support/figures";
import { finishedJob } from "./support/jobs";

/**
 * With a real model its calls dominate (docs/performance.md, Model calls): a scripted model that answers every call
 * after exactly FIXED_LATENCY_MS. Per job: the model calls it makes, how many of them wait on each other (the
 * longest chain of calls one after another: calls that overlap ran in parallel), its wall time against that chain's
 * latency, and the tokens it spends (the scripted model counts 4 characters a token).
 */
const JOBS = 3;
const TASK = "Create a skill for debugging flaky Playwright tests in CI pipelines";

/** The longest chain of model calls each starting after the previous one ended. */
export function criticalPath(calls: { start: number; end: number }[]): number {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const chain = sorted.map(() => 1);
  sorted.forEach((call, i) => {
    for (let j = 0; j < i; j++)
      if ((sorted[j]?.end ?? Infinity) <= call.start) chain[i] = Math.max(chain[i] ?? 1, (chain[j] ?? 1) + 1);
  });
  return Math.max(0, ...chain);
}

const modelCalls = (steps: StepRecord[]) => steps.filter((step) => (step.usage.totalTokens ?? 0) > 0);

async function runJob(system: JobSystem, index: number) {
  const input = { ownerId: "default", task: `${TASK} (${index})`, options: NO_SKILL_JOB_OPTIONS };
  const { job } = await system.service.create({ ...input, engine: `scripted:fixed-latency`, workflow: "skill" });
  const finished = await finishedJob(system, job.id);
  if (finished.status !== "completed" && finished.status !== "pending_review")
    throw new Error(`latency bench job ended ${finished.status}: ${finished.error}`);
  const calls = modelCalls(await system.repos.steps.listForJob(job.id));
  const intervals = calls.map((c) => ({ start: c.startedAt.getTime(), end: c.completedAt?.getTime() ?? Infinity }));
  if (process.env.BENCH_DEBUG) {
    const t0 = finished.createdAt.getTime();
    for (const step of await system.repos.steps.listForJob(job.id))
      console.log(
        step.key.padEnd(40),
        step.startedAt.getTime() - t0,
        (step.completedAt?.getTime() ?? 0) - t0,
        step.usage.totalTokens ?? "",
      );
    console.log("completed", (finished.completedAt?.getTime() ?? 0) - t0);
  }
  return {
    calls: calls.length,
    critical: criticalPath(intervals),
    wallMs: (finished.completedAt?.getTime() ?? Number.NaN) - finished.createdAt.getTime(),
    tokens: calls.reduce((sum, c) => sum + (c.usage.totalTokens ?? 0), 0),
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "skill-fleet-bench-latency-"));
process.env.SKILL_FLEET_SKILLS_ROOT = path.join(dir, "skills");
process.env.SKILL_FLEET_MODEL = "scripted:fixed-latency";
resetEnvForTests();
registerDevTools();
const pglite = await PGlite.create(path.join(dir, "pglite"));
await migrate(pgliteSession(pglite));
const db = prismaOverPglite(pglite);
const system = createJobSystem(prismaRepositories(db.prisma), {
  runner: { maxConcurrent: 1, leaseMs: 60_000, sweepMs: 600_000 },
  checkpointTimeoutMs: 3_600_000,
  log: pino({ level: "silent" }),
  workflows: workflowRegistry(productWorkflows(libraryOver(db.prisma))),
});
await system.runner.start();
try {
  const runs: Awaited<ReturnType<typeof runJob>>[] = [];
  for (let i = 0; i < JOBS; i++) runs.push(await runJob(system, i));
  const median = (pick: (run: (typeof runs)[number]) => number) => percentile(runs.map(pick), 50);
  const calls = median((r) => r.calls);
  const critical = median((r) => r.critical);
  const overhead = median((r) => r.wallMs / (r.critical * FIXED_LATENCY_MS));
  report({
    name: "model calls per job (scripted model)",
    value: calls,
    unit: "calls",
  });
  report({
    name: "model calls on the critical path",
    value: critical,
    unit: "calls",
    baseline: { name: "all its calls, one after another", value: calls },
  });
  report({
    name: `job wall time ÷ (critical-path calls × ${FIXED_LATENCY_MS} ms)`,
    value: overhead,
    unit: "×",
    goal: { text: "≤ 1.1", met: overhead <= 1.1 },
    note: `wall ${median((r) => r.wallMs)} ms`,
  });
  report({
    name: "tokens per skill (scripted count, 4 characters a token)",
    value: median((r) => r.tokens),
    unit: "tokens",
  });
} finally {
  await system.runner.stop();
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
