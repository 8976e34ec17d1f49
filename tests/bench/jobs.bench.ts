import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { openDatabase } from "../../server/db/client";
import { createJobSystem } from "../../server/durable/job-system";
import { JobStore } from "../../server/durable/job-store";
import { prismaRepositories } from "../../server/durable/repositories/index";
import type { Workflow } from "../../server/durable/workflow";
import { testWorkflow } from "../support/jobs";
import { FakeJobRepository } from "../unit/jobs/fake-job-repository";
import { startTestServer } from "../support/test-server";

/**
 * Job engine figures (a script, not a timed test):
 *  1. job creations/s through real HTTP (skills.create on the built server) vs raw single-row Prisma inserts
 *     into the same database in the same run;
 *  2. store get/update (cache + per-job lock) vs an unlocked Map;
 *  3. heap after 10,000 completed jobs vs after 1,000 (the engine's memory must stay bounded).
 */
const CREATIONS = Number(process.env.BENCH_CREATIONS ?? 1_000);
const CONCURRENCY = 16;

const rate = (count: number, ms: number) => Math.round((count / ms) * 1000);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return performance.now() - started;
}

/** `runJobs: false` = an API-only server: creation alone; true = the runner executes the jobs meanwhile. */
async function httpCreations(
  runJobs: boolean,
): Promise<{ perSecond: number; dataDir: string; stop: () => Promise<void> }> {
  const server = await startTestServer({ SKILL_FLEET_WORKFLOW: "demo", SKILL_FLEET_RUN_JOBS: String(runJobs) });
  const ms = await pool(CREATIONS, CONCURRENCY, async (i) => {
    const response = await fetch(`${server.url}/api/trpc/skills.create`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { task: `bench creation number ${i} steps=1` } }),
    });
    if (!response.ok) throw new Error(`skills.create failed: ${response.status} ${await response.text()}`);
  });
  return { perSecond: rate(CREATIONS, ms), dataDir: server.dataDir, stop: server.stop };
}

async function rawInserts(dataDir: string): Promise<number> {
  const db = await openDatabase({ kind: "pglite", dataDir }, { migrate: false });
  try {
    const ms = await pool(CREATIONS, CONCURRENCY, async (i) => {
      await db.prisma.job.create({ data: { task: `raw insert number ${i}`, engine: "offline", workflow: "demo" } });
    });
    return rate(CREATIONS, ms);
  } finally {
    await db.close();
  }
}

async function creationFigures(): Promise<void> {
  const busy = await httpCreations(true);
  await busy.stop();
  const http = await httpCreations(false);
  // The server holds the embedded database's folder lock; the raw inserts open the same folder after it stops.
  const keep = fs.mkdtempSync(path.join(os.tmpdir(), "skill-fleet-bench-db-"));
  fs.cpSync(path.join(http.dataDir, "pglite"), keep, { recursive: true });
  await http.stop();
  const raw = await rawInserts(keep);
  fs.rmSync(keep, { recursive: true, force: true });
  console.log(`job creations, ${CREATIONS} with ${CONCURRENCY} concurrent clients:`);
  console.log(`  skills.create over HTTP, API-only server (validate, insert, queued event): ${http.perSecond}/s`);
  console.log(`  raw single-row prisma.job.create on the same database:                  ${raw}/s`);
  console.log(`  ratio HTTP / raw: ${(http.perSecond / raw).toFixed(2)}`);
  console.log(`  skills.create over HTTP while the same server runs the jobs (demo, 1 step): ${busy.perSecond}/s`);
  console.log(`    (one embedded database connection is shared by creation and execution)`);
}

async function storeFigures(): Promise<void> {
  const OPS = 200_000;
  const repo = new FakeJobRepository();
  const ids = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      repo
        .create({
          ownerId: "default",
          requestId: null,
          task: `store ${i}`,
          options: { confirmPlan: false, previewContent: false, reviewValidation: false, streamTokens: false },
          engine: "offline",
          workflow: "demo",
        })
        .then((j) => j.id),
    ),
  );
  const store = new JobStore(repo.asRepository());
  const map = new Map(await Promise.all(ids.map(async (id) => [id, await store.require(id)] as const)));
  const time = async (fn: (i: number) => Promise<unknown> | unknown) => {
    const started = performance.now();
    for (let i = 0; i < OPS; i++) await fn(i);
    return performance.now() - started;
  };
  const id = (i: number) => ids[i % ids.length] ?? "";
  const mapGet = await time((i) => map.get(id(i)));
  const storeGet = await time((i) => store.get(id(i)));
  const mapSet = await time((i) =>
    map.set(id(i), { ...(map.get(id(i)) ?? store.remember), progress: i % 100 } as never),
  );
  const storeUpdate = await time((i) => store.update(id(i), () => ({ progress: i % 100 })));
  console.log(`\njob store, ${OPS} operations over 100 jobs (in-memory repository, so only the store's own cost):`);
  console.log(
    `  get:    store ${rate(OPS, storeGet)}/s vs Map ${rate(OPS, mapGet)}/s (ratio ${(storeGet / mapGet).toFixed(1)}× slower)`,
  );
  console.log(
    `  update: store (lock + versioned write) ${rate(OPS, storeUpdate)}/s vs Map.set ${rate(OPS, mapSet)}/s (ratio ${(storeUpdate / mapSet).toFixed(1)}× slower)`,
  );
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
  const runBatch = async (count: number, offset: number) => {
    await pool(count, CONCURRENCY, async (i) => {
      const { job } = await system.service.create({
        ownerId: "default",
        task: `heap job ${offset + i}`,
        options: { confirmPlan: false, previewContent: false, reviewValidation: false, streamTokens: false },
        engine: "offline",
        workflow: "quick",
      });
      for (;;) {
        const { status } = await system.store.require(job.id);
        if (status === "completed") break;
        if (status === "failed" || status === "cancelled") throw new Error(`heap bench job ${job.id} ended ${status}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    });
  };
  const baseline = heapUsed();
  await runBatch(1_000, 0);
  const after1k = heapUsed();
  await runBatch(9_000, 1_000);
  const after10k = heapUsed();
  console.log(`\nheap (after gc) running jobs to completion in-process (embedded database, store max 1000 entries):`);
  console.log(
    `  before: ${mb(baseline)}, after 1,000 jobs: ${mb(after1k)}, after 10,000 jobs: ${mb(after10k)} (growth 1k→10k: ${mb(after10k - after1k)})`,
  );
  console.log(
    `  cached jobs ${system.store.cachedCount}, idle locks ${system.store.activeLocks}, bus listeners ${system.events.bus.size}`,
  );
  await system.runner.stop();
  await db.close();
}

await creationFigures();
await storeFigures();
await heapFigures();
