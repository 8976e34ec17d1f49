import { PGlite } from "@electric-sql/pglite";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { FIXED_LATENCY_MS } from "../../dev/scripted/scenarios";
import { registerDevTools } from "../../dev/register";
import { resetEnvForTests } from "../../server/common/env";
import { prismaOverPglite } from "../../server/db/client";
import { migrate } from "../../server/db/migrate";
import { pgliteSession } from "../../server/db/sql-session";
import { createJobSystem, type JobSystem } from "../../server/durable/job-system";
import { prismaRepositories } from "../../server/durable/repositories/index";
import { workflowRegistry } from "../../server/durable/workflow";
import { fileData, textBytes } from "../../server/skills/library/files";
import { libraryOver } from "../../server/services";
import { EvalJobs } from "../../server/workflows/eval/eval-jobs";
import { prismaEvalRuns } from "../../server/workflows/eval/repositories/eval-runs";
import { prismaEvalFeedback } from "../../server/workflows/eval/repositories/eval-feedback";
import { productWorkflows } from "../../server/workflows/registry";
import { report } from "./support/figures";
import { finishedJob } from "./support/jobs";

/**
 * An eval's wall time against the ideal (docs/evals.md, Speed): a 5-case eval at 3 runs with a scripted model that
 * answers every call after exactly FIXED_LATENCY_MS. Each run is two calls one after the other (answer, then judge)
 * and the 30 runs are independent, so with C calls at once the ideal is ceil(60 / C) × latency when calls are
 * packed perfectly, and 2 × latency with no limit at all.
 */
const CASES = 5;
const RUNS = 3;
const CALLS = CASES * RUNS * 2 * 2;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "skill-fleet-bench-eval-"));
process.env.SKILL_FLEET_SKILLS_ROOT = path.join(dir, "skills");
process.env.SKILL_FLEET_MODEL = "scripted:fixed-latency";
resetEnvForTests();
registerDevTools();

const evalsJson = JSON.stringify({
  evals: Array.from({ length: CASES }, (_, i) => ({
    id: i + 1,
    prompt: `Roll back deploy ${i + 1}`,
    expectations: ["Uses `kubectl rollout undo`"],
  })),
});
const skillMd =
  "---\nname: rollback\ndescription: Use when rolling back a deploy\n---\n\n# Rollback\n\nRun `kubectl rollout undo deployment/web`.\n";

async function timedEval(system: JobSystem, evals: EvalJobs, concurrency: number) {
  process.env.SKILL_FLEET_EVAL_CONCURRENCY = String(concurrency);
  resetEnvForTests();
  const job = await evals.start("default", { source: { kind: "library", path: "ops/rollback" }, runs: RUNS });
  const finished = await finishedJob(system, job.id);
  if (finished.status !== "completed") throw new Error(`eval bench job ended ${finished.status}: ${finished.error}`);
  if (process.env.BENCH_DEBUG) {
    const t0 = finished.createdAt.getTime();
    for (const step of await system.repos.steps.listForJob(job.id))
      console.log(step.key.padEnd(48), step.startedAt.getTime() - t0, (step.completedAt?.getTime() ?? 0) - t0);
    console.log(
      "started",
      (finished.startedAt?.getTime() ?? 0) - t0,
      "completed",
      (finished.completedAt?.getTime() ?? 0) - t0,
    );
  }
  return (finished.completedAt?.getTime() ?? Number.NaN) - finished.createdAt.getTime();
}

const pglite = await PGlite.create(path.join(dir, "pglite"));
await migrate(pgliteSession(pglite));
const db = prismaOverPglite(pglite);
const library = libraryOver(db.prisma);
const system = createJobSystem(prismaRepositories(db.prisma), {
  runner: { maxConcurrent: 1, leaseMs: 60_000, sweepMs: 600_000 },
  checkpointTimeoutMs: 3_600_000,
  log: pino({ level: "silent" }),
  workflows: workflowRegistry(productWorkflows(library)),
});
await system.runner.start();
try {
  await library.library.import({
    path: "ops/rollback",
    files: [fileData("SKILL.md", textBytes(skillMd)), fileData("evals/evals.json", textBytes(evalsJson))],
    authorId: "default",
  });
  const runs = async () => prismaEvalRuns(db.prisma);
  const feedback = async () => prismaEvalFeedback(db.prisma);
  const evals = new EvalJobs({
    jobs: system.service,
    library: library.library,
    drafts: library.drafts,
    runs,
    feedback,
  });
  report({
    name: `model calls per eval case (${RUNS} runs, with and without, answer + judge)`,
    value: CALLS / CASES,
    unit: "calls",
  });
  for (const concurrency of [4, CALLS / 2]) {
    const wallMs = await timedEval(system, evals, concurrency);
    const ideal = Math.ceil(CALLS / Math.min(concurrency, CALLS / 2)) * FIXED_LATENCY_MS;
    report({
      name: `${CASES}-case eval × ${RUNS} runs wall time, ${concurrency} calls at once (${FIXED_LATENCY_MS} ms a call)`,
      value: wallMs,
      unit: "ms",
      baseline: {
        name: `ideal for that latency: ${Math.ceil(CALLS / Math.min(concurrency, CALLS / 2))} × ${FIXED_LATENCY_MS} ms`,
        value: ideal,
      },
      goal: { text: "≤ 1.2 × ideal", met: wallMs <= ideal * 1.2 },
    });
  }
} finally {
  await system.runner.stop();
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
