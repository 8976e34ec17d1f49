import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/db/client";
import pino from "pino";
import { createJobSystem, type JobSystem } from "../../../server/durable/job-system";
import { prismaRepositories } from "../../../server/durable/repositories/index";
import type { NewCheckpoint } from "../../../server/durable/types";
import { openTestDatabase } from "../../support/db";
import {
  countingWorkflow,
  createCounted,
  present,
  sleep,
  systemWithCounting,
  testWorkflow,
  waitFor,
  waitForStatus,
} from "../../support/jobs";

let db: Database;
let server: ReturnType<typeof systemWithCounting>;

beforeAll(async () => {
  db = await openTestDatabase();
  server = systemWithCounting(db, { runner: { id: "canceller", heartbeatMs: 50 } });
  await server.system.runner.start();
});
afterAll(async () => {
  await server.system.runner.stop();
  await db.close();
});

const steps = (jobId: string) =>
  db.prisma.jobStep.findMany({ where: { jobId, key: { not: { contains: "@phase" } } }, orderBy: { startedAt: "asc" } });
const eventTypes = async (jobId: string) =>
  (await db.prisma.jobEvent.findMany({ where: { jobId }, orderBy: { seq: "asc" } })).map((e) => e.type);

describe("cancel", () => {
  it("while running: the AbortSignal reaches the step, the job is cancelled and persisted, no further step runs", async () => {
    const { job } = await createCounted(server.system, { task: "a counted job with delay=5000 per step" });
    await waitFor(async () => (await steps(job.id)).some((s) => s.status === "running"), 15_000, "step a to start");
    const started = Date.now();
    const after = await server.system.service.cancel("default", job.id);
    expect(after.cancelRequested).toBe(true);
    const row = await waitForStatus(db, job.id, ["cancelled"], 3_000);
    expect(Date.now() - started).toBeLessThan(2_000); // not after the 5 s step
    expect(row.completedAt).not.toBeNull();
    expect((await steps(job.id)).map((s) => [s.key, s.status])).toEqual([["a#1/a", "failed"]]);
    expect(server.calls(job.id, "b")).toBe(0);
    expect((await eventTypes(job.id)).at(-1)).toBe("cancelled");
  });

  it("while waiting at a checkpoint: cancelled at once, the checkpoint closed, a later answer conflicts", async () => {
    const { job } = await createCounted(server.system, { confirmPlan: true });
    await waitForStatus(db, job.id, ["pending_hitl"]);
    const checkpoint = await server.system.repos.checkpoints.findPendingForJob(job.id);
    const after = await server.system.service.cancel("default", job.id);
    expect(after.status).toBe("cancelled");
    expect((await db.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("cancelled");
    expect((await db.prisma.checkpoint.findUniqueOrThrow({ where: { id: present(checkpoint).id } })).status).toBe(
      "cancelled",
    );
    await expect(
      server.system.service.answer("default", job.id, present(checkpoint).id, { action: "proceed" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.calls(job.id, "b")).toBe(0);
    expect((await eventTypes(job.id)).filter((t) => t === "cancelled")).toHaveLength(1);
  });

  it("from another server: the runner's heartbeat sees cancelRequested and aborts the job", async () => {
    const other = systemWithCounting(db, { runner: { id: "other" } });
    const { job } = await createCounted(server.system, { task: "a counted job with delay=5000 per step" });
    await waitFor(async () => (await steps(job.id)).some((s) => s.status === "running"), 15_000, "step a to start");
    await other.system.service.cancel("default", job.id);
    await waitForStatus(db, job.id, ["cancelled"], 3_000);
    expect(server.calls(job.id, "b")).toBe(0);
  });

  it("wins when it lands while the job is suspending at a checkpoint", async () => {
    const repos = prismaRepositories(db.prisma);
    const late: { system?: JobSystem } = {}; // the wrapper below needs the system it is part of
    const racing = {
      ...repos,
      // The run lets go of its lease slowly: the cancel finds the job still leased, so it cannot cancel it itself.
      jobs: {
        ...repos.jobs,
        releaseLease: async (id: string, owner: string) => {
          await sleep(300);
          await repos.jobs.releaseLease(id, owner);
        },
      },
      checkpoints: {
        ...repos.checkpoints,
        // The cancel arrives after the run checked its signal, while it stores the checkpoint and suspends (it
        // queues behind the job's lock and lands while the run unwinds and releases its lease).
        create: async (input: NewCheckpoint) => {
          const created = await repos.checkpoints.create(input);
          void late.system?.service.cancel("default", input.jobId);
          return created;
        },
      },
    };
    const counting = countingWorkflow();
    const system = createJobSystem(racing, {
      runner: { maxConcurrent: 2, leaseMs: 2_000 },
      checkpointTimeoutMs: 60_000,
      log: pino({ level: "silent" }),
      workflows: () => testWorkflow("counting", counting.workflow),
    });
    late.system = system;
    await system.runner.start();
    try {
      const { job } = await createCounted(system, { confirmPlan: true });
      await waitForStatus(db, job.id, ["cancelled"], 5_000);
      expect((await db.prisma.checkpoint.findFirstOrThrow({ where: { jobId: job.id } })).status).toBe("cancelled");
      expect(counting.calls(job.id, "b")).toBe(0);
    } finally {
      await system.runner.stop();
    }
  });

  it("is a no-op on a finished job and refuses a stranger", async () => {
    const { job } = await createCounted(server.system, { ownerId: "alice" });
    await waitForStatus(db, job.id, ["completed"]);
    expect((await server.system.service.cancel("alice", job.id)).status).toBe("completed");
    await expect(server.system.service.cancel("bob", job.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
