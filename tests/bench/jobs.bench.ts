import pino from "pino";
import { openDatabase } from "../../server/db/client";
import { createJobSystem } from "../../server/durable/job-system";
import { JobStore } from "../../server/durable/job-store";
import { prismaRepositories } from "../../server/durable/repositories/index";
import type { Workflow } from "../../server/durable/workflow";
import { NO_OPTIONS, testWorkflow } from "../support/jobs";
import { FakeJobRepository } from "../unit/jobs/fake-job-repository";
import { perSecond, pool, report } from "./support/figures";

/**
 * The job engine's memory and its in-process costs:
 *  1. the store's get/update (cache + per-job lock + versioned write) against a bare Map, over an in-memory
 *     repository, so only the store's own cost shows;
 *  2. heap after 10,000 completed jobs against after 1,000: the engine's memory must stay flat.
 */
const CONCURRENCY = 16;
const mb = (bytes: number): number => bytes / 1024 / 1024;

async function seededStore(): Promise<{ store: JobStore; ids: string[] }> {
  const repo = new FakeJobRepository();
  const ids: string[] = [];
  for (let i = 0; i < 100; i++) {
    const input = { ownerId: "default", requestId: null, task: `store ${i}`, options: NO_OPTIONS };
    ids.push((await repo.create({ ...input, engine: "offline", workflow: "demo" })).id);
  }
  return { store: new JobStore(repo.asRepository()), ids };
}

async function storeFigures(): Promise<void> {
  const OPS = 200_000;
  const { store, ids } = await seededStore();
  const map = new Map(await Promise.all(ids.map(async (id) => [id, await store.require(id)] as const)));
  const time = async (fn: (i: number) => Promise<unknown> | unknown) => {
    const started = performance.now();
    for (let i = 0; i < OPS; i++) await fn(i);
    return performance.now() - started;
  };
  const id = (i: number) => ids[i % ids.length] ?? "";
  const mapGet = await time((i) => map.get(id(i)));
  const storeGet = await time((i) => store.get(id(i)));
  const mapSet = await time((i) => {
    const job = map.get(id(i));
    if (job) map.set(id(i), { ...job, progress: i % 100 });
  });
  const storeUpdate = await time((i) => store.update(id(i), () => ({ progress: i % 100 })));
  report({
    name: "job store get (cache)",
    value: perSecond(OPS, storeGet),
    unit: "ops/s",
    baseline: { name: "Map.get", value: perSecond(OPS, mapGet) },
  });
  report({
    name: "job store update (lock + versioned write, in-memory repository)",
    value: perSecond(OPS, storeUpdate),
    unit: "ops/s",
    baseline: { name: "Map.set of a copy", value: perSecond(OPS, mapSet) },
  });
}

function heapUsed(): number {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

async function heapFigures(): Promise<void> {
  const db = await openDatabase({ kind: "pglite", dataDir: null }, { migrate: true });
  const quick: Workflow = async (ctx) => {
    await ctx.run("work#1/only", async () => ({ ok: true }));
    return { result: { name: "bench" } };
  };
  const system = createJobSystem(prismaRepositories(db.prisma), {
    runner: { maxConcurrent: 8, leaseMs: 30_000, sweepMs: 600_000 },
    checkpointTimeoutMs: 3_600_000,
    log: pino({ level: "silent" }),
    workflows: () => testWorkflow("quick", quick),
  });
  await system.runner.start();
  /** Resolves when the job has finished: its closing event, or a finished status already cached. */
  const finished = async (jobId: string) => {
    let stop = (): void => undefined;
    const heard = new Promise<void>((resolve) => {
      stop = system.events.bus.subscribe(jobId, (event) => {
        if (event.type === "completed" || event.type === "failed") resolve();
      });
    });
    const now = await system.store.get(jobId);
    if (now?.status !== "completed" && now?.status !== "failed") await heard;
    stop();
  };
  const runBatch = (count: number, offset: number) =>
    pool(count, CONCURRENCY, async (i) => {
      const input = { ownerId: "default", task: `heap job ${offset + i}`, options: NO_OPTIONS };
      const { job } = await system.service.create({ ...input, engine: "offline", workflow: "quick" });
      await finished(job.id);
    });
  await runBatch(1_000, 0);
  const after1k = heapUsed();
  await runBatch(9_000, 1_000);
  const after10k = heapUsed();
  report({
    name: "heap after 10,000 jobs (embedded database, in-process)",
    value: mb(after10k),
    unit: "MB",
    baseline: { name: "after 1,000 jobs", value: mb(after1k) },
    goal: { text: "flat: grows ≤ 2 MB", met: mb(after10k - after1k) <= 2 },
    note: `cached jobs ${system.store.cachedCount}, idle locks ${system.store.activeLocks}, bus listeners ${system.events.bus.size}`,
  });
  await system.runner.stop();
  await db.close();
}

await storeFigures();
await heapFigures();
