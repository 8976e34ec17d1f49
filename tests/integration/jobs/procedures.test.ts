import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "../../../server/common/env";
import { useDatabase, type Database } from "../../../server/db/client";
import type { JobSystem } from "../../../server/durable/job-system";
import {
  createAppServices,
  libraryOver,
  getAppServices,
  stopAppServices,
  installAppServices,
  type AppServices,
} from "../../../server/services";
import { lazySingleton } from "../../../server/common/singleton";
import { createCaller } from "../../../server/trpc/root";
import { openTestDatabase } from "../../support/db";
import { present, testJobSystem, waitFor, waitForStatus } from "../../support/jobs";

let db: Database;
let system: JobSystem;
let services: AppServices;
const as = (userId: string) => createCaller({ caller: userId, services });

beforeAll(async () => {
  process.env.SKILL_FLEET_WORKFLOW = "demo";
  resetEnvForTests();
  db = await openTestDatabase();
  const library = libraryOver(db.prisma);
  system = testJobSystem(db, { library });
  services = createAppServices(system, library);
  installAppServices(services);
  await system.runner.start();
});
afterAll(async () => {
  await stopAppServices();
  await db.close();
  delete process.env.SKILL_FLEET_WORKFLOW;
  resetEnvForTests();
});

async function waitingJob(userId = "default") {
  const { jobId } = await as(userId).skills.create({
    task: "demo job that asks ask=yes",
    options: { confirmPlan: true },
  });
  await waitForStatus(db, jobId, ["pending_hitl"]);
  const job = await waitFor(async () => {
    const view = await as(userId).jobs.get({ jobId });
    return view.pendingCheckpoint ? view : undefined;
  });
  return { jobId, checkpoint: present(job.pendingCheckpoint, "a pending checkpoint") };
}

describe("skills.create", () => {
  it("validates the task and returns the same job for a repeated requestId", async () => {
    await expect(as("default").skills.create({ task: "too short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const first = await as("dana").skills.create({ task: "a task that is long enough", requestId: "click-1" });
    const again = await as("dana").skills.create({ task: "a task that is long enough", requestId: "click-1" });
    expect(again.jobId).toBe(first.jobId);
    await waitForStatus(db, first.jobId, ["completed"]);
  });
});

describe("jobs.get / hitl.answer / jobs.timeline", () => {
  it("shows the pending checkpoint, takes the first answer, and reports the finished job with its timeline", async () => {
    const { jobId, checkpoint } = await waitingJob();
    expect(checkpoint.type).toBe("confirm");
    expect(checkpoint.deadline.getTime()).toBeGreaterThan(Date.now());
    expect(
      await as("default").hitl.answer({ jobId, checkpointId: checkpoint.id, response: { action: "proceed" } }),
    ).toEqual({ status: "accepted" });
    expect(
      await as("default").hitl.answer({ jobId, checkpointId: checkpoint.id, response: { action: "proceed" } }),
    ).toEqual({ status: "duplicate" });
    await expect(
      as("default").hitl.answer({
        jobId,
        checkpointId: checkpoint.id,
        response: { action: "revise", feedback: "too late" },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await waitForStatus(db, jobId, ["completed"]);
    const job = await as("default").jobs.get({ jobId });
    expect(job).toMatchObject({
      status: "completed",
      progress: 100,
      phase: "Validation",
      pendingCheckpoint: null,
      promoted: false,
    });
    expect(job.result).toMatchObject({ name: "demo-skill", passed: true, score: 1 });
    expect(job.startedAt).toBeInstanceOf(Date);
    const timeline = await as("default").jobs.timeline({ jobId });
    expect(timeline.checkpoints).toEqual([
      expect.objectContaining({ id: checkpoint.id, status: "answered", response: { action: "proceed" } }),
    ]);
    expect(timeline.steps.map((s) => s.key)).toContain("generation#1/part-3");
    expect(timeline.events.map((e) => e.seq)).toEqual(timeline.events.map((_, i) => i + 1));
    expect(timeline.events.at(-1)?.type).toBe("completed");
  });

  it("applies the ownership rule: someone else's job is indistinguishable from an unknown one (NOT_FOUND)", async () => {
    const { jobId } = await as("erin").skills.create({ task: "erin's private job here" });
    const hidden = { code: "NOT_FOUND", message: `Job '${jobId}' not found` };
    await expect(as("default").jobs.get({ jobId })).rejects.toMatchObject(hidden);
    await expect(as("frank").jobs.get({ jobId })).rejects.toMatchObject(hidden);
    await expect(as("frank").jobs.timeline({ jobId })).rejects.toMatchObject(hidden);
    const open = await as("default").skills.create({ task: "a job of the default user" });
    await expect(as("frank").jobs.get({ jobId: open.jobId })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: `Job '${open.jobId}' not found`,
    });
    await expect(as("default").jobs.get({ jobId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("jobs.list", () => {
  it("lists only the caller's jobs, newest first, with status filter, text search and cursor pagination", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await as("gina").skills.create({ task: `gina task number ${i} ${i % 2 ? "alpha" : "beta"}` })).jobId);
      await new Promise((resolve) => setTimeout(resolve, 5)); // distinct createdAt (ms precision)
    }
    await Promise.all(ids.map((id) => waitForStatus(db, id, ["completed"])));
    await as("hank").skills.create({ task: "hank's alpha task" });
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await as("gina").jobs.list({ limit: 2, cursor });
      pages.push(page.items.map((j) => j.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages.flat()).toEqual([...ids].reverse());
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    const alpha = await as("gina").jobs.list({ q: "ALPHA" });
    expect(alpha.items.map((j) => j.id).sort()).toEqual([ids[1], ids[3]].sort());
    expect((await as("gina").jobs.list({ status: "completed" })).items).toHaveLength(5);
    expect((await as("gina").jobs.list({ status: "failed" })).items).toHaveLength(0);
    await expect(as("gina").jobs.list({ limit: 101 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("jobs.cancel and jobs.events through the router", () => {
  it("cancels a waiting job and streams its events as tracked items until the terminal event", async () => {
    const { jobId } = await waitingJob();
    expect(await as("default").jobs.cancel({ jobId })).toMatchObject({ jobId, status: "cancelled" });
    const stream = await as("default").jobs.events({ jobId, lastEventId: "2" });
    const received: [string, { type: string; seq?: number }][] = [];
    for await (const item of stream) received.push(item as unknown as [string, { type: string; seq?: number }]);
    expect(received[0]?.[0]).toBe("3");
    expect(received.map(([id, data]) => [id, String(data.seq)])).toEqual(received.map(([id]) => [id, id]));
    expect(received.at(-1)?.[1].type).toBe("cancelled");
  });
});

describe("lazy singletons — guarantee 7: single-flight initialisation", () => {
  it("initialises once for 100 concurrent callers, and the job system is one per process", async () => {
    let inits = 0;
    const slow = lazySingleton(`test-${Math.random()}`, async () => {
      inits++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { instance: inits };
    });
    const values = await Promise.all(Array.from({ length: 100 }, () => slow.get()));
    expect(inits).toBe(1);
    expect(new Set(values).size).toBe(1);
    // The process's job system, built from scratch by 50 racing callers: one store, one runner.
    await stopAppServices();
    useDatabase(db);
    const systems = await Promise.all(Array.from({ length: 50 }, async () => (await getAppServices()).jobSystem));
    expect(new Set(systems).size).toBe(1);
    expect(systems[0]).not.toBe(system);
  });
});

describe("abuse limits (docs/security.md, Limits)", () => {
  it("refuses a user's jobs beyond SKILL_FLEET_RATE_JOBS_PER_MINUTE with TOO_MANY_REQUESTS; others are unaffected", async () => {
    process.env.SKILL_FLEET_RATE_JOBS_PER_MINUTE = "2";
    resetEnvForTests();
    try {
      for (let i = 0; i < 2; i++) await as("hasty").skills.create({ task: `demo job number ${i} steps=1` });
      await expect(as("hasty").skills.create({ task: "demo job number 3 steps=1" })).rejects.toMatchObject({
        code: "TOO_MANY_REQUESTS",
        message: expect.stringMatching(/^Too many skill jobs: at most 2 a minute per user; try again in \d+ s\.$/),
      });
      await expect(as("patient").skills.create({ task: "demo job of another user" })).resolves.toBeDefined();
      expect((await as("hasty").jobs.list({})).items).toHaveLength(2);
    } finally {
      delete process.env.SKILL_FLEET_RATE_JOBS_PER_MINUTE;
      resetEnvForTests();
    }
  });

  it("jobs.list q is words, never a pattern: '%', '_' and '\\' alone match nothing rather than everything", async () => {
    await as("searcher").skills.create({ task: "demo job about 100% coverage steps=1" });
    await as("searcher").skills.create({ task: "demo job about snake_case names steps=1" });
    await as("searcher").skills.create({ task: "demo job about nothing special steps=1" });
    const found = async (q: string) => (await as("searcher").jobs.list({ q })).items.map((job) => job.task);
    expect(await found("%")).toEqual([]);
    expect(await found("_")).toEqual([]);
    expect(await found("\\")).toEqual([]);
    expect(await found("100% coverage")).toEqual(["demo job about 100% coverage steps=1"]);
    expect(await found("snake_case")).toEqual(["demo job about snake_case names steps=1"]);
  });
});
