import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/db/client";
import type { JobSystem } from "../../../server/durable/job-system";
import { openTestDatabase } from "../../support/db";
import { NO_OPTIONS, at, testJobSystem } from "../../support/jobs";

let db: Database;
let system: JobSystem;
const noRun = { enqueue: () => undefined };

beforeAll(async () => {
  db = await openTestDatabase();
  system = testJobSystem(db, { delays: 2 });
  // Creation only: nobody runs the jobs here, so the counts below are exactly what creation wrote.
  system.runner.enqueue = noRun.enqueue;
});
afterAll(async () => {
  await system.runner.stop();
  await db.close();
});

const input = (i: number, extra: { ownerId?: string; requestId?: string } = {}) => ({
  ownerId: extra.ownerId ?? "default",
  requestId: extra.requestId ?? null,
  task: `concurrent job number ${i}`,
  options: NO_OPTIONS,
  engine: "offline",
  workflow: "demo",
});

describe("job creation under concurrency", () => {
  it("1000 concurrent creations → 1000 distinct jobs, no duplicate rows, one queued event each", async () => {
    const created = await Promise.all(Array.from({ length: 1000 }, (_, i) => system.service.create(input(i))));
    const ids = new Set(created.map((c) => c.job.id));
    expect(ids.size).toBe(1000);
    const rows = await db.prisma.job.findMany({
      where: { task: { startsWith: "concurrent job number" } },
      select: { id: true, task: true, lastSeq: true },
    });
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((r) => r.task)).size).toBe(1000);
    const events = await db.prisma.jobEvent.findMany({
      where: { jobId: { in: [...ids] } },
      select: { jobId: true, seq: true },
    });
    expect(events).toHaveLength(1000);
    expect(events.every((e) => e.seq === 1)).toBe(true);
    expect(rows.every((r) => r.lastSeq === 1)).toBe(true);
  }, 120_000);

  it("the same requestId returns the same job to 100 concurrent callers, also across two servers", async () => {
    const other = testJobSystem(db, { delays: 2 });
    other.runner.enqueue = noRun.enqueue;
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        (i % 2 ? system : other).service.create(input(i, { ownerId: "alice", requestId: "double-click-1" })),
      ),
    );
    expect(new Set(results.map((r) => r.job.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.prisma.job.count({ where: { ownerId: "alice", requestId: "double-click-1" } })).toBe(1);
    const jobId = at(results, 0).job.id;
    expect(await db.prisma.jobEvent.count({ where: { jobId } })).toBe(1);
  });

  it("scopes requestId per owner: another owner's identical requestId is a different job", async () => {
    const a = await system.service.create(input(1, { ownerId: "bob", requestId: "r-1" }));
    const b = await system.service.create(input(1, { ownerId: "carol", requestId: "r-1" }));
    expect(a.job.id).not.toBe(b.job.id);
  });
});
