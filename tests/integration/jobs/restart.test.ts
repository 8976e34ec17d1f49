import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/db/client";
import { openTestDatabase } from "../../support/db";
import { at, createCounted, present, systemWithCounting, waitFor, waitForStatus } from "../../support/jobs";

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const stepStatus = (jobId: string, key: string) =>
  db.prisma.jobStep.findUnique({ where: { jobId_key: { jobId, key } } }).then((s) => s?.status);

describe("restart: a new runner and a fresh store on the same database continue where the old one stopped", () => {
  it("finishes a job stopped mid-run (completed steps replayed, not re-run) and keeps a waiting one waiting", async () => {
    const first = systemWithCounting(db, { runner: { id: "first" } });
    await first.system.runner.start();
    const { job: running } = await createCounted(first.system, { task: "a counted job with delay=400 per step" });
    const { job: waiting } = await createCounted(first.system, { confirmPlan: true });
    await waitForStatus(db, waiting.id, ["pending_hitl"]);
    await waitFor(async () => (await stepStatus(running.id, "b#1/b")) === "running", 15_000, "step b to start");
    await first.system.runner.stop(); // mid-run: step b is interrupted

    const stopped = await db.prisma.job.findUniqueOrThrow({ where: { id: running.id } });
    expect(stopped.status).toBe("running");
    expect(stopped.leaseOwner).toBeNull(); // released, so the next runner can take it at once
    expect(first.calls(running.id, "a")).toBe(1);

    const second = systemWithCounting(db, { runner: { id: "second" } }); // new process: new store, no memory of the run
    await second.system.runner.start();
    try {
      await waitForStatus(db, running.id, ["completed"]);
      expect(second.calls(running.id, "a")).toBe(0); // replayed from the store
      expect(second.calls(running.id, "b")).toBe(1); // it had not finished: runs again
      expect(second.calls(running.id, "c")).toBe(1);
      const stepB = await db.prisma.jobStep.findUniqueOrThrow({
        where: { jobId_key: { jobId: running.id, key: "b#1/b" } },
      });
      expect(stepB.attempts).toBe(2);

      expect((await db.prisma.job.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("pending_hitl");
      const checkpoint = await second.system.repos.checkpoints.findPendingForJob(waiting.id);
      expect(
        await second.system.service.answer("default", waiting.id, present(checkpoint).id, { action: "proceed" }),
      ).toBe("accepted");
      await waitForStatus(db, waiting.id, ["completed"]);
      // The first server still has the job cached as waiting: what it reports now comes from the database.
      expect((await first.system.service.get("default", waiting.id)).status).toBe("completed");
      expect(second.calls(waiting.id, "a")).toBe(0);
      expect([second.calls(waiting.id, "b"), second.calls(waiting.id, "c")]).toEqual([1, 1]);
      const seqs = (await db.prisma.jobEvent.findMany({ where: { jobId: running.id }, orderBy: { seq: "asc" } })).map(
        (e) => e.seq,
      );
      expect(seqs).toEqual(seqs.map((_, i) => i + 1)); // one gap-free log across both runs
    } finally {
      await second.system.runner.stop();
    }
  });

  it("resumes a job whose runner died without releasing its lease, once the lease expires", async () => {
    const dead = systemWithCounting(db, { runner: { id: "dead" } });
    await dead.system.runner.start();
    const { job } = await createCounted(dead.system, { task: "a counted job with delay=300 per step" });
    await waitFor(async () => (await stepStatus(job.id, "b#1/b")) === "running", 15_000, "step b to start");
    await dead.system.runner.stop();
    // As if the process had crashed: the lease is still held for a while.
    await db.prisma.job.update({
      where: { id: job.id },
      data: { leaseOwner: "dead", leaseExpiresAt: new Date(Date.now() + 400) },
    });

    const next = systemWithCounting(db, { runner: { id: "next", sweepMs: 100 } });
    await next.system.runner.start();
    try {
      expect((await db.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).leaseOwner).toBe("dead"); // not stolen early
      await waitForStatus(db, job.id, ["completed"]);
      expect(next.calls(job.id, "a")).toBe(0);
      expect(next.calls(job.id, "c")).toBe(1);
    } finally {
      await next.system.runner.stop();
    }
  });

  it("never runs one job on two runners at once (lease claim is a conditional update)", async () => {
    const servers = ["s1", "s2", "s3"].map((id) => systemWithCounting(db, { runner: { id, sweepMs: 50 } }));
    const { job } = await createCounted(at(servers, 0).system, { task: "a counted job with delay=100 per step" });
    await Promise.all(servers.map((s) => s.system.runner.start()));
    for (const s of servers) s.system.runner.enqueue(job.id);
    try {
      await waitForStatus(db, job.id, ["completed"]);
      const total = (step: string) => servers.reduce((sum, s) => sum + s.calls(job.id, step), 0);
      expect([total("a"), total("b"), total("c")]).toEqual([1, 1, 1]);
    } finally {
      await Promise.all(servers.map((s) => s.system.runner.stop()));
    }
  });
});
