import pino from "pino";
import type { Database } from "../../server/db/client";
import { createJobSystem, type JobSystem, type JobSystemOptions } from "../../server/durable/job-system";
import { prismaRepositories } from "../../server/durable/repositories/index";
import type { Repositories } from "../../server/durable/repositories/contracts";
import type { JobRecord } from "../../server/durable/types";
import { demoSettings, pause } from "../../dev/demo-workflow";
import { DEV_WORKFLOWS } from "../../dev/register";
import { workflowRegistry, type Workflow, type WorkflowDefinition } from "../../server/durable/workflow";
import { productWorkflows } from "../../server/workflows/registry";
import { libraryOver } from "../../server/services";
import type { Library } from "../../server/skills/library/index";
import { CHECKPOINT_SCHEMAS } from "../../contracts/checkpoints";
import { NO_SKILL_JOB_OPTIONS } from "../../contracts/skill-job";

/** Helpers for the job engine's tests: systems over a test database, random interleavings, waiting. */
export const NO_OPTIONS = NO_SKILL_JOB_OPTIONS;

/** Every workflow a server of this process may run over `library`: the product's and dev/'s (the demo). */
export const allWorkflows = (library: Library) => workflowRegistry([...productWorkflows(library), ...DEV_WORKFLOWS]);

/** A test workflow as the engine takes it: its confirm checkpoint accepts the skill workflow's confirm answers. */
export function testWorkflow(name: string, run: Workflow): WorkflowDefinition {
  return { name, run, answers: { confirm: CHECKPOINT_SCHEMAS.confirm.response } };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Wraps every method of `target` with a random delay before and after it: every await becomes a race. */
export function withRandomDelays<T extends object>(target: T, maxMs = 3): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        await sleep(Math.random() * maxMs);
        const result: unknown = await (value as (...a: unknown[]) => unknown).apply(object, args);
        await sleep(Math.random() * maxMs);
        return result;
      };
    },
  });
}

export function delayedRepositories(repos: Repositories, maxMs = 3): Repositories {
  return {
    jobs: withRandomDelays(repos.jobs, maxMs),
    steps: withRandomDelays(repos.steps, maxMs),
    checkpoints: withRandomDelays(repos.checkpoints, maxMs),
    events: withRandomDelays(repos.events, maxMs),
  };
}

export interface TestSystemOptions extends Partial<Omit<JobSystemOptions, "runner">> {
  runner?: Partial<JobSystemOptions["runner"]>;
  delays?: number;
  /** The library the product's workflows use; by default one over `db` and the configured skills root. */
  library?: Library;
}

/** A job system over `db` (a "server"): several over one database behave like several processes. */
export function testJobSystem(db: Database, options: TestSystemOptions = {}): JobSystem {
  const repos = prismaRepositories(db.prisma);
  return createJobSystem(options.delays ? delayedRepositories(repos, options.delays) : repos, {
    checkpointTimeoutMs: 3_600_000,
    workflows: allWorkflows(options.library ?? libraryOver(db.prisma)),
    log: pino({ level: "silent" }),
    ...options,
    runner: { maxConcurrent: 4, leaseMs: 2_000, sweepMs: 60_000, ...options.runner },
  });
}

/** Polls until `check` returns a value (not undefined/false) or the time is up. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 15_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Waits until the job's stored status is one of `statuses` (read from the database, not a cache). */
export function waitForStatus(db: Database, jobId: string, statuses: JobRecord["status"][], timeoutMs = 15_000) {
  return waitFor(
    async () => {
      const row = await db.prisma.job.findUnique({ where: { id: jobId } });
      return row && statuses.includes(row.status) ? row : undefined;
    },
    timeoutMs,
    `job ${jobId} to reach ${statuses.join("|")}`,
  );
}

/**
 * A workflow for the engine's tests: phase, step a, an optional confirm checkpoint (options.confirmPlan), phase,
 * steps b and c. Each step counts its real calls per job (replays do not call it) and waits `delay=<ms>` from
 * the task, honouring the job's AbortSignal.
 */
export function countingWorkflow() {
  const calls = new Map<string, number>();
  const count = (jobId: string, step: string) =>
    calls.set(`${jobId}:${step}`, (calls.get(`${jobId}:${step}`) ?? 0) + 1);
  const workflow: Workflow = async (ctx) => {
    const { delayMs } = demoSettings(ctx.job.task, false);
    const step = (name: string) =>
      ctx.run(`${name}#1/${name}`, async (io) => {
        count(ctx.job.id, name);
        await pause(delayMs, io.signal);
        return { step: name };
      });
    await ctx.phase("Understanding");
    await step("a");
    const answer = ctx.job.options.confirmPlan
      ? await ctx.ask("understanding#1/confirm", {
          type: "confirm",
          prompt: { summary: "go on?" },
          waits: "pending_hitl",
        })
      : {};
    await ctx.phase("Generation");
    await step("b");
    await step("c");
    return { result: { name: "counted", answer } };
  };
  return { workflow, calls: (jobId: string, step: string) => calls.get(`${jobId}:${step}`) ?? 0 };
}

export function systemWithCounting(db: Database, options: TestSystemOptions = {}) {
  const counting = countingWorkflow();
  const system = testJobSystem(db, {
    ...options,
    workflows: workflowRegistry([testWorkflow("counting", counting.workflow)]),
  });
  return { system, calls: counting.calls };
}

export function createCounted(
  system: JobSystem,
  extra: { task?: string; confirmPlan?: boolean; ownerId?: string } = {},
) {
  return system.service.create({
    ownerId: extra.ownerId ?? "default",
    task: extra.task ?? "a counted test job",
    options: { ...NO_OPTIONS, confirmPlan: extra.confirmPlan ?? false },
    engine: "offline",
    workflow: "counting",
  });
}

/** list[index], failing the test (instead of a non-null assertion) when it is missing. */
export function at<T>(list: readonly T[], index: number): T {
  const value = list[index];
  if (value === undefined) throw new Error(`expected an item at index ${index} (of ${list.length})`);
  return value;
}

/** The value, failing the test when it is null or undefined. */
export function present<T>(value: T | null | undefined, what = "value"): T {
  if (value === null || value === undefined) throw new Error(`expected ${what} to be present`);
  return value;
}
