import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/db/client";
import { EventBus } from "../../../server/durable/event-bus";
import { EventLog } from "../../../server/durable/event-log";
import { streamJobEvents } from "../../../server/durable/event-stream";
import type { EventRepository } from "../../../server/durable/repositories/contracts";
import type { JobSystem } from "../../../server/durable/job-system";
import type { JobEventRecord } from "../../../server/durable/types";
import { createWorkflowContext } from "../../../server/durable/engine";
import { openTestDatabase } from "../../support/db";
import { NO_OPTIONS, sleep, testJobSystem } from "../../support/jobs";

let db: Database;
let system: JobSystem;

beforeAll(async () => {
  db = await openTestDatabase();
  system = testJobSystem(db, { delays: 3 });
});
afterAll(async () => {
  await system.runner.stop();
  await db.close();
});

const newJob = (options = NO_OPTIONS) =>
  system.store.create({
    ownerId: "default",
    requestId: null,
    task: "events for a test job",
    options,
    engine: "offline",
    workflow: "demo",
  });

/** pollMs is long by default: delivery must come from listen-then-replay, not from re-reading the log. */
async function collect(jobId: string, afterSeq: number, signal: AbortSignal, pollMs = 60_000): Promise<number[]> {
  const seqs: number[] = [];
  for await (const item of streamJobEvents(system, jobId, afterSeq, signal, { pollMs })) {
    if (item.kind === "event") seqs.push(item.event.seq);
  }
  return seqs;
}

describe("event log — guarantee 6: seq strictly increasing, no gaps, serialised per job", () => {
  it("numbers 200 concurrent appends 1..200 with no gap or duplicate, and publishes them live in seq order", async () => {
    const job = await newJob();
    const live: number[] = [];
    const off = system.events.bus.subscribe(job.id, (event) => "seq" in event && live.push(event.seq));
    const appended = await Promise.all(
      Array.from({ length: 200 }, (_, i) => system.events.append(job.id, { type: "reasoning", message: `r${i}` })),
    );
    off();
    const expected = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(appended.map((e) => e.seq).sort((a, b) => a - b)).toEqual(expected);
    expect(live).toEqual(expected);
    expect((await system.events.after(job.id, 0)).map((e) => e.seq)).toEqual(expected);
  });

  it("keeps seq gap-free across two processes appending to the same job (the database allocates it)", async () => {
    const job = await newJob();
    const other = testJobSystem(db, { delays: 3 }); // a second server: its own locks, same database
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 ? system : other).events.append(job.id, { type: "reasoning" })),
    );
    expect((await system.events.after(job.id, 0)).map((e) => e.seq)).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
  });

  it("serialises phase transitions with their events: the job's phase is the last phase_start's", async () => {
    const job = await newJob();
    const ctx = createWorkflowContext(
      { ...system, steps: system.repos.steps, checkpoints: system.repos.checkpoints, checkpointTimeoutMs: 60_000 },
      job,
      new AbortController().signal,
    );
    const phases = Array.from({ length: 30 }, (_, i) => `Phase${i}`);
    await Promise.all(phases.map((name) => ctx.phase(name)));
    const events = await system.events.after(job.id, 0);
    const starts = events.filter((e) => e.type === "phase_start");
    const ends = events.filter((e) => e.type === "phase_end");
    const stored = await db.prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(starts).toHaveLength(30);
    expect(stored.phase).toBe(starts.at(-1)?.phase);
    // Each phase_end closes exactly the phase opened by the phase_start just before it.
    for (const end of ends) expect(events[events.indexOf(end) - 1]?.phase).toBe(end.phase);
  });
});

describe("event subscribers — guarantee 3: a late subscriber replays from the log and misses nothing", () => {
  it("delivers every event exactly once, in order, to subscribers joining at random moments of a busy stream", async () => {
    const job = await newJob();
    const total = 120;
    const subscribers: Promise<number[]>[] = [];
    const controller = new AbortController();
    const writer = (async () => {
      for (let i = 1; i <= total; i++) {
        if (i % 10 === 0) subscribers.push(collect(job.id, Math.floor(Math.random() * i), controller.signal));
        await system.events.append(job.id, { type: i === total ? "completed" : "reasoning", message: `e${i}` });
      }
    })();
    await writer;
    const timeout = setTimeout(() => controller.abort(), 10_000); // a subscriber that missed the end would hang
    const results = await Promise.all(subscribers);
    clearTimeout(timeout);
    for (const seqs of results) {
      const first = seqs[0] ?? 1;
      expect(seqs).toEqual(Array.from({ length: total - first + 1 }, (_, i) => first + i));
    }
    expect(system.events.bus.size).toBe(0); // everyone unsubscribed
  });

  it("does not lose an event appended between reading the history and listening live", async () => {
    const job = await newJob();
    await system.events.append(job.id, { type: "reasoning" });
    const repo = system.repos.events;
    let afterRead: (() => Promise<unknown>) | undefined;
    const racy: EventRepository = {
      append: (jobId, event) => repo.append(jobId, event),
      announce: (announcement) => repo.announce(announcement),
      latest: (jobIds) => repo.latest(jobIds),
      listAfter: async (jobId, afterSeq, limit) => {
        const rows = await repo.listAfter(jobId, afterSeq, limit);
        const hook = afterRead;
        afterRead = undefined;
        await hook?.(); // the worst moment: history read, live not (yet) heard
        return rows;
      },
    };
    const log = new EventLog(racy, new EventBus());
    afterRead = () => log.append(job.id, { type: "completed" });
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), 3_000);
    const seqs: number[] = [];
    for await (const item of streamJobEvents({ events: log, store: system.store }, job.id, 0, controller.signal, {
      pollMs: 60_000,
    })) {
      if (item.kind === "event") seqs.push(item.event.seq);
    }
    clearTimeout(timeout);
    expect(seqs).toEqual([1, 2]);
  });

  it("resumes after lastEventId without repeating or skipping, and ends on the terminal event", async () => {
    const job = await newJob();
    for (let i = 0; i < 5; i++) await system.events.append(job.id, { type: "reasoning" });
    const controller = new AbortController();
    const pending = collect(job.id, 3, controller.signal);
    await sleep(30);
    for (let i = 0; i < 3; i++) await system.events.append(job.id, { type: "reasoning" });
    await system.events.append(job.id, { type: "completed" });
    expect(await pending).toEqual([4, 5, 6, 7, 8, 9]);
  });
});

describe("token events", () => {
  it("are coalesced (≤ ~10 per second per job), delivered live and never stored", async () => {
    const job = await newJob({ ...NO_OPTIONS, streamTokens: true });
    const texts: string[] = [];
    const off = system.events.bus.subscribe(job.id, (event) => event.type === "token" && texts.push(event.text));
    const started = Date.now();
    while (Date.now() - started < 500) {
      system.events.token(job.id, "x", null);
      await sleep(2);
    }
    await sleep(150);
    off();
    expect(texts.length).toBeGreaterThan(2);
    expect(texts.length).toBeLessThanOrEqual(7); // 500 ms at ≤ 10/s, plus the final flush
    expect(texts.join("").length).toBeGreaterThan(50); // nothing dropped, only merged
    expect(
      (await system.events.after(job.id, 0)).filter((e: JobEventRecord) => (e.type as string) === "token"),
    ).toHaveLength(0);
  });
});
