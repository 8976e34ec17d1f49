import { describe, expect, it } from "vitest";
import { JobStore } from "../../../server/durable/job-store";
import { NO_OPTIONS, at, sleep, withRandomDelays } from "../../support/jobs";
import { FakeJobRepository } from "./fake-job-repository";

const newJob = {
  ownerId: "default",
  requestId: null,
  task: "a task for the store",
  options: NO_OPTIONS,
  engine: "offline",
  workflow: "demo",
};

async function seeded(count = 1) {
  const repo = new FakeJobRepository();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await repo.create(newJob)).id);
  return { repo, ids };
}

describe("JobStore — guarantee 1: single-flight loading, never a stale copy over a newer one", () => {
  it("loads an uncached job once however many callers ask at the same time", async () => {
    const { repo, ids } = await seeded();
    const store = new JobStore(withRandomDelays(repo.asRepository(), 5));
    const results = await Promise.all(Array.from({ length: 100 }, () => store.get(at(ids, 0))));
    expect(repo.calls.findById).toBe(1);
    expect(new Set(results).size).toBe(1); // one cache entry, one object
    expect(store.cachedCount).toBe(1);
  });

  it("keeps the newer cached state when a slow load returns an older database copy", async () => {
    const { repo, ids } = await seeded();
    const id = at(ids, 0);
    const store = new JobStore(repo.asRepository());
    let releaseRead!: () => void;
    repo.holdReads = new Promise((resolve) => (releaseRead = resolve));
    const slowLoad = store.refresh(id); // reads version 0, answers later
    repo.holdReads = undefined;
    const updated = await store.update(id, () => ({ status: "running", progress: 40 })); // version 1, cached
    releaseRead();
    await slowLoad;
    const cached = await store.get(id);
    expect(updated.version).toBe(1);
    expect(cached?.version).toBe(1);
    expect(cached?.progress).toBe(40);
  });
});

describe("JobStore — guarantee 2: check-then-act under the job's lock", () => {
  it("loses no update when 100 callers read-modify-write the same job at once", async () => {
    const { repo, ids } = await seeded();
    const id = at(ids, 0);
    const store = new JobStore(withRandomDelays(repo.asRepository(), 3));
    await Promise.all(Array.from({ length: 100 }, () => store.update(id, (job) => ({ progress: job.progress + 1 }))));
    expect((await store.get(id))?.progress).toBe(100);
    expect(repo.rows.get(id)?.progress).toBe(100);
    // Under the lock no write ever works from a stale read, so none is rejected by the version check.
    expect(repo.calls.updateIfVersion).toBe(100);
  });

  it("lets exactly one of many racing callers take a transition that is allowed once", async () => {
    const { repo, ids } = await seeded();
    const id = at(ids, 0);
    const store = new JobStore(withRandomDelays(repo.asRepository(), 3));
    let winners = 0;
    await Promise.all(
      Array.from({ length: 50 }, () =>
        store.withLock(id, async (job) => {
          const current = await job.current();
          if (current.status !== "pending") return;
          await sleep(Math.random() * 2);
          await job.update(() => ({ status: "running" }));
          winners++;
        }),
      ),
    );
    expect(winners).toBe(1);
  });

  it("re-reads and re-decides when another process changed the row (version check)", async () => {
    const { repo, ids } = await seeded();
    const id = at(ids, 0);
    const store = new JobStore(repo.asRepository());
    await store.get(id);
    await repo.updateIfVersion(id, 0, { progress: 10 }); // "another server" writes behind the cache
    const result = await store.update(id, (job) => ({ progress: job.progress + 5 }));
    expect(result.progress).toBe(15);
    expect(result.version).toBe(2);
  });

  it("is bounded: at most maxEntries jobs cached, entries expire after the TTL, idle locks are freed", async () => {
    const { repo, ids } = await seeded(30);
    const store = new JobStore(repo.asRepository(), { maxEntries: 10, ttlMs: 50 });
    await Promise.all(ids.map((id) => store.update(id, () => ({ progress: 1 }))));
    expect(store.cachedCount).toBe(10);
    expect(store.activeLocks).toBe(0);
    await sleep(80);
    expect(await store.get(at(ids, 29))).not.toBeNull(); // reloaded after expiry
    expect(repo.calls.findById).toBeGreaterThan(0);
  });
});

describe("JobStore — guarantee 5: no blocking locks on the request path", () => {
  it("keeps other jobs and the event loop moving while one job's lock is held", async () => {
    const { repo, ids } = await seeded(2);
    const [a, b] = [at(ids, 0), at(ids, 1)];
    const store = new JobStore(repo.asRepository());
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    let released = false;
    const holder = store.withLock(a, async () => {
      await sleep(200);
      released = true;
    });
    await sleep(10);
    const doneBeforeRelease = await Promise.all(
      Array.from({ length: 20 }, () => store.update(b, (job) => ({ progress: job.progress + 1 }))),
    );
    const otherJobFinishedWhileHeld = !released;
    const waiter = store.update(a, () => ({ progress: 99 })); // queues behind the holder instead of spinning
    await holder;
    await waiter;
    clearInterval(ticker);
    expect(otherJobFinishedWhileHeld).toBe(true);
    expect(doneBeforeRelease.at(-1)?.progress).toBe(20);
    expect(ticks).toBeGreaterThan(10); // timers kept firing: nothing blocked the thread
  });
});
