import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/db/client";
import type { LiveEvent } from "../../../server/durable/types";
import { openTestDatabase } from "../../support/db";
import { createCounted, systemWithCounting, waitForStatus } from "../../support/jobs";

/**
 * A subscriber that hears a terminal event and at once reads the job must see the job finished (the CLI and the
 * page both do exactly that); and a job that reads as finished already has its closing event in the log.
 */
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db.close());

/** Resolves with the job's status as read the moment the terminal event arrives. */
function statusOnTerminalEvent(
  system: ReturnType<typeof systemWithCounting>["system"],
  jobId: string,
): Promise<string> {
  return new Promise((resolve) => {
    const stop = system.events.bus.subscribe(jobId, (event: LiveEvent) => {
      if (event.type !== "completed" && event.type !== "failed" && event.type !== "cancelled") return;
      stop();
      // Read through the service (its cache), as a procedure would, in the same tick the event arrives.
      void system.service.get("default", jobId).then((job) => resolve(job.status));
    });
  });
}

describe("terminal events and job status", () => {
  it("completed: the status is written before the event is heard", async () => {
    const { system } = systemWithCounting(db);
    const { job } = await createCounted(system, { task: "terminal order delay=5" });
    const heard = statusOnTerminalEvent(system, job.id);
    await system.runner.start();
    expect(await heard).toBe("completed");
    await system.runner.stop();
  });

  it("cancelled at a checkpoint and while running: the status is written before the event is heard", async () => {
    const { system } = systemWithCounting(db);
    await system.runner.start();
    const waiting = (await createCounted(system, { confirmPlan: true })).job;
    await waitForStatus(db, waiting.id, ["pending_hitl"]);
    const heardWaiting = statusOnTerminalEvent(system, waiting.id);
    await system.service.cancel("default", waiting.id);
    expect(await heardWaiting).toBe("cancelled");

    const running = (await createCounted(system, { task: "long one delay=2000" })).job;
    await waitForStatus(db, running.id, ["running"]);
    const heardRunning = statusOnTerminalEvent(system, running.id);
    await system.service.cancel("default", running.id);
    expect(await heardRunning).toBe("cancelled");
    await system.runner.stop();
  });

  it("a finished job always has its closing event in the log", async () => {
    const { system } = systemWithCounting(db);
    await system.runner.start();
    const { job } = await createCounted(system);
    const row = await waitForStatus(db, job.id, ["completed"]);
    const events = await db.prisma.jobEvent.findMany({ where: { jobId: row.id }, orderBy: { seq: "asc" } });
    expect(events.at(-1)?.type).toBe("completed");
    await system.runner.stop();
  });
});
