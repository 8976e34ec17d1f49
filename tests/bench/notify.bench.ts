import pino from "pino";
import { openDatabase, type Database } from "../../server/db/client";
import { createJobSystem, type JobSystem } from "../../server/durable/job-system";
import { prismaRepositories } from "../../server/durable/repositories/index";
import { TEST_DATABASE_URL, createScratchDatabase } from "../support/pg-scratch";

/**
 * Cross-server live events over LISTEN/NOTIFY (PostgreSQL only; needs TEST_DATABASE_URL, e.g. from scripts/pg.sh):
 *  1. appends/s with the NOTIFY in the insert statement vs without (what announcing costs the writer);
 *  2. latency from server A's own bus to server B's bus (NOTIFY, then B reads the batch), for JOBS jobs written
 *     concurrently, each with a subscriber on B.
 */
const APPENDS = Number(process.env.BENCH_APPENDS ?? 2_000);
const JOBS = 50;
const CONCURRENCY = 16;

const quiet = pino({ level: "silent" });
const system = (db: Database, relay: boolean): JobSystem =>
  createJobSystem(prismaRepositories(db.prisma), {
    runner: { maxConcurrent: 1, leaseMs: 60_000 },
    checkpointTimeoutMs: 3_600_000,
    log: quiet,
    workflows: () => undefined, // only events are written: no job runs
    relay: relay && db.target.kind === "postgres" ? { url: db.target.url } : undefined,
  });

async function newJobs(target: JobSystem, count: number): Promise<string[]> {
  const options = { confirmPlan: false, previewContent: false, reviewValidation: false, streamTokens: false };
  const jobs = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      target.store.create({
        ownerId: "bench",
        requestId: null,
        task: `notify bench ${i}`,
        options,
        engine: "offline",
        workflow: "demo",
      }),
    ),
  );
  return jobs.map((job) => job.id);
}

async function appendRate(writer: JobSystem, jobIds: string[]): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < APPENDS; i = next++)
        await writer.events.append(jobIds[i % jobIds.length] ?? "", { type: "reasoning", message: `r${i}` });
    }),
  );
  return Math.round((APPENDS / (performance.now() - started)) * 1000);
}

async function latencies(a: JobSystem, b: JobSystem, jobIds: string[]): Promise<number[]> {
  const sent = new Map<string, number>();
  const heard: number[] = [];
  const offA = jobIds.map((id) =>
    a.events.bus.subscribe(id, (e) => "seq" in e && sent.set(`${id}:${e.seq}`, performance.now())),
  );
  const offB = jobIds.map((id) =>
    b.events.bus.subscribe(id, (e) => {
      const at = "seq" in e ? sent.get(`${id}:${e.seq}`) : undefined;
      if (at !== undefined) heard.push(performance.now() - at);
    }),
  );
  await appendRate(a, jobIds);
  const deadline = Date.now() + 10_000;
  while (heard.length < APPENDS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  for (const off of [...offA, ...offB]) off();
  return heard.sort((x, y) => x - y);
}

const pct = (sorted: number[], p: number) =>
  (sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN).toFixed(1);

async function main(): Promise<void> {
  if (!TEST_DATABASE_URL) {
    console.log("notify bench: skipped (PostgreSQL only: set TEST_DATABASE_URL=$(bash scripts/pg.sh start))");
    return;
  }
  const scratch = await createScratchDatabase();
  const db = await openDatabase({ kind: "postgres", url: scratch.url });
  const [a, b, plain] = [system(db, true), system(db, true), system(db, false)];
  try {
    await Promise.all([a.relay?.start(), b.relay?.start()]);
    const jobIds = await newJobs(a, JOBS);
    await appendRate(plain, jobIds); // warm-up: connections, plans
    const rates = { without: [] as number[], with: [] as number[] };
    for (let round = 0; round < 2; round++) {
      rates.without.push(await appendRate(plain, jobIds));
      rates.with.push(await appendRate(a, jobIds));
    }
    console.log(
      `appends/s, ${CONCURRENCY} concurrent over ${JOBS} jobs (two rounds): without NOTIFY ${rates.without.join(", ")}; with NOTIFY ${rates.with.join(", ")}`,
    );
    const sorted = await latencies(a, b, jobIds);
    console.log(
      `A → B live latency over ${sorted.length}/${APPENDS} events (${JOBS} jobs with a subscriber on B): p50 ${pct(sorted, 50)} ms, p95 ${pct(sorted, 95)} ms, p99 ${pct(sorted, 99)} ms, max ${pct(sorted, 100)} ms`,
    );
  } finally {
    await Promise.all([a.relay?.stop(), b.relay?.stop()]);
    await db.close();
    await scratch.drop();
  }
}

await main();
