import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/db/client";
import { RELAY_APPLICATION_NAME } from "../../../server/durable/event-relay";
import { streamJobEvents } from "../../../server/durable/event-stream";
import type { JobSystem } from "../../../server/durable/job-system";
import { openTestDatabase } from "../../support/db";
import {
  NO_OPTIONS,
  createCounted,
  present,
  sleep,
  systemWithCounting,
  testJobSystem,
  waitFor,
  waitForStatus,
} from "../../support/jobs";
import { TEST_DATABASE_URL } from "../../support/pg-scratch";

/**
 * docs/decisions/0003-listen-notify-relay.md: several app servers share one PostgreSQL and LISTEN/NOTIFY carries live
 * events between them. Two job systems over one scratch database are two servers: A runs the jobs, a subscriber on B
 * must hear them live. Every stream here polls the log only every 60 s, so anything that arrives sooner came through
 * the relay.
 */
const POLL_MS = 60_000;

/**
 * Collects a subscriber's stored events on `system` with their arrival times, until the stream ends or `signal` aborts.
 */
async function subscribe(
  system: JobSystem,
  jobId: string,
  signal: AbortSignal,
  arrivals: { seq: number; type: string; at: number }[] = [],
) {
  for await (const item of streamJobEvents(system, jobId, 0, signal, { pollMs: POLL_MS })) {
    if (item.kind === "event") arrivals.push({ seq: item.event.seq, type: item.event.type, at: performance.now() });
  }
  return arrivals;
}

/** When each stored event of `jobId` was published on `system`'s own bus (the writing server). */
function publishTimes(system: JobSystem, jobId: string) {
  const times = new Map<number, number>();
  const stop = system.events.bus.subscribe(jobId, (event) => {
    if ("seq" in event) times.set(event.seq, performance.now());
  });
  return { times, stop };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Kills every relay LISTEN connection on the test database, as a failover or an operator would. */
async function killListenConnections(db: Database): Promise<number> {
  const rows = await db.prisma.$queryRaw<{ killed: boolean }[]>`
    SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
    WHERE datname = current_database() AND application_name = ${RELAY_APPLICATION_NAME}`;
  return rows.filter((row) => row.killed).length;
}

describe.runIf(TEST_DATABASE_URL)("live events across servers over LISTEN/NOTIFY (PostgreSQL)", () => {
  let db: Database;
  let a: JobSystem;
  let b: JobSystem;
  let relayUrl: string | undefined;

  beforeAll(async () => {
    db = await openTestDatabase();
    if (db.target.kind !== "postgres") throw new Error("expected a PostgreSQL test database");
    relayUrl = db.target.url;
    const relay = { url: relayUrl, minBackoffMs: 300, maxBackoffMs: 600 };
    a = systemWithCounting(db, { relay }).system;
    b = systemWithCounting(db, { relay }).system;
    await Promise.all([a.relay?.start(), b.relay?.start()]);
    await a.runner.start();
  });
  afterAll(async () => {
    await a.runner.stop();
    await Promise.all([a.relay?.stop(), b.relay?.stop()]);
    await db.close();
  });

  it("a subscriber on server B hears server A's events live, exactly once and in order, well under the poll interval", async () => {
    expect(present(b.relay).live).toBe(true);
    expect(b.events.quietPollMs).toBeGreaterThan(1_000); // the relay is up: the log re-read is only a safety net
    const { job } = await createCounted(a, { task: "cross-server delay=60" });
    const published = publishTimes(a, job.id);
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), 15_000);
    const started = performance.now();
    const arrivals = await subscribe(b, job.id, controller.signal);
    clearTimeout(timeout);
    published.stop();

    const stored = await db.prisma.jobEvent.findMany({ where: { jobId: job.id }, orderBy: { seq: "asc" } });
    expect(arrivals.map((e) => e.seq)).toEqual(range(1, stored.length));
    expect(arrivals.at(-1)?.type).toBe("completed");
    expect(performance.now() - started).toBeLessThan(5_000);
    // Latency of the events B heard live (published on A after B subscribed): NOTIFY, then B reads the row.
    const latencies = arrivals.flatMap((e) =>
      published.times.has(e.seq) && present(published.times.get(e.seq)) > started
        ? [e.at - present(published.times.get(e.seq))]
        : [],
    );
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...latencies)).toBeLessThan(1_000);
    console.info(
      `cross-server live latency over ${latencies.length} events: median ${median(latencies).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
    );
  });

  it("the writing server does not hear its own announcements: each event reaches its bus once", async () => {
    // Stored, not queued: the events below are the only ones the job gets.
    const job = await a.store.create({
      ownerId: "default",
      requestId: null,
      task: "own origin",
      options: NO_OPTIONS,
      engine: "offline",
      workflow: "counting",
    });
    const onA: number[] = [];
    const onB: number[] = [];
    const stopA = a.events.bus.subscribe(job.id, (event) => "seq" in event && onA.push(event.seq));
    const stopB = b.events.bus.subscribe(job.id, (event) => "seq" in event && onB.push(event.seq));
    for (let i = 0; i < 20; i++) await a.events.append(job.id, { type: "reasoning", message: `r${i}` });
    await waitFor(async () => onB.length >= 20, 5_000, "B to hear 20 events");
    await sleep(300); // room for a duplicate to show up
    stopA();
    stopB();
    expect(onA).toEqual(range(1, 20));
    expect(onB).toEqual(range(1, 20)); // read in batches after the last relayed seq: no repeats in practice
  });

  it("a subscriber on B that hears the terminal event reads the finished status (announced after it is written)", async () => {
    // A writer whose every repository call is slowed (up to 2×40 ms): the status write lags well behind the insert.
    const slow = systemWithCounting(db, { relay: { url: present(relayUrl) }, delays: 40 }).system;
    await slow.relay?.start();
    await slow.runner.start();
    const { job } = await createCounted(slow, { task: "terminal across servers delay=20" });
    const status = new Promise<string>((resolve) => {
      const stop = b.events.bus.subscribe(job.id, (event) => {
        if (event.type !== "completed") return;
        stop();
        void b.service.get("default", job.id).then((read) => resolve(read.status));
      });
    });
    expect(await status).toBe("completed");
    await slow.runner.stop();
    await slow.relay?.stop();
  });

  it("survives its LISTEN connection being killed: it reconnects, catches up what was announced meanwhile, and delivers live again", async () => {
    const { job } = await createCounted(a, { task: "held at a checkpoint", confirmPlan: true });
    await waitForStatus(db, job.id, ["pending_hitl"]);
    const before = (await a.events.after(job.id, 0)).length;
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), 15_000);
    const arrivals: { seq: number; type: string; at: number }[] = [];
    const heard = subscribe(b, job.id, controller.signal, arrivals);
    await waitFor(async () => arrivals.length === before, 2_000, "B to replay the history");

    expect(await killListenConnections(db)).toBeGreaterThanOrEqual(2); // A's and B's
    await waitFor(async () => !present(b.relay).live, 2_000, "B's relay to notice the drop");
    expect(b.events.quietPollMs).toBe(1_000); // meanwhile subscribers fall back to the short poll
    // Announced while B is not listening (backoff ≥ 150 ms): only the catch-up after reconnecting can bring it.
    const missed = await a.events.append(job.id, { type: "reasoning", message: "said while B was away" });
    await waitFor(async () => present(b.relay).live, 5_000, "B's relay to reconnect");
    await waitFor(
      async () => arrivals.some((e) => e.seq === missed.seq),
      2_000,
      "the catch-up to deliver what B missed",
    );

    const checkpoint = present(await a.repos.checkpoints.findPendingForJob(job.id), "pending checkpoint");
    await a.service.answer("default", job.id, checkpoint.id, { action: "proceed" });
    await heard;
    clearTimeout(timeout);
    const total = await db.prisma.jobEvent.count({ where: { jobId: job.id } });
    expect(arrivals.map((e) => e.seq)).toEqual(range(1, total));
    expect(total).toBeGreaterThan(before + 1);
    expect(arrivals.at(-1)?.type).toBe("completed");
  });

  it("without a relay, B hears nothing live (the control: only the relay made the tests above pass)", async () => {
    const plain = testJobSystem(db);
    const { job } = await createCounted(a, { task: "unrelayed delay=20" });
    const onPlain: number[] = [];
    const onB: number[] = [];
    const stopPlain = plain.events.bus.subscribe(job.id, (event) => "seq" in event && onPlain.push(event.seq));
    const stopB = b.events.bus.subscribe(job.id, (event) => "seq" in event && onB.push(event.seq));
    await waitForStatus(db, job.id, ["completed"]);
    await waitFor(
      async () => onB.includes(await db.prisma.jobEvent.count({ where: { jobId: job.id } })),
      5_000,
      "B to hear the last event",
    );
    stopPlain();
    stopB();
    expect(onB.length).toBeGreaterThan(0);
    expect(onPlain).toEqual([]);
  });
});
