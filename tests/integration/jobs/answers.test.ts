import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/db/client";
import { isDomainError } from "../../../server/common/errors";
import type { JobSystem } from "../../../server/durable/job-system";
import type { JsonObject } from "../../../server/durable/types";
import { openTestDatabase } from "../../support/db";
import { createCounted, systemWithCounting, waitFor, waitForStatus } from "../../support/jobs";

let db: Database;
let serverA: ReturnType<typeof systemWithCounting>;
let serverB: ReturnType<typeof systemWithCounting>;

beforeAll(async () => {
  db = await openTestDatabase();
  serverA = systemWithCounting(db, { delays: 2, runner: { id: "server-a" } });
  serverB = systemWithCounting(db, { delays: 2, runner: { id: "server-b" } });
  await serverA.system.runner.start();
  await serverB.system.runner.start();
});
afterAll(async () => {
  await serverA.system.runner.stop();
  await serverB.system.runner.stop();
  await db.close();
});

async function waitingJob(system: JobSystem, ownerId = "default") {
  const { job } = await createCounted(system, { confirmPlan: true, ownerId });
  await waitForStatus(db, job.id, ["pending_hitl"]);
  const checkpoint = await waitFor(() =>
    system.repos.checkpoints.findPendingForJob(job.id).then((c) => c ?? undefined),
  );
  return { jobId: job.id, checkpointId: checkpoint.id };
}

const codeOf = (result: PromiseSettledResult<unknown>) =>
  result.status === "fulfilled"
    ? result.value
    : isDomainError(result.reason)
      ? result.reason.code
      : String(result.reason);

describe("hitl.answer — first answer wins (docs/architecture.md, Answers)", () => {
  it("100 concurrent answers on two servers: one accepted, identical ones duplicate, others CONFLICT, one resume", async () => {
    const { jobId, checkpointId } = await waitingJob(serverA.system);
    const responses = Array.from({ length: 100 }, (_, i): JsonObject =>
      i % 2 ? { action: "proceed" } : { action: "revise", feedback: `variant ${i}` },
    );
    responses.sort(() => Math.random() - 0.5);
    const settled = await Promise.allSettled(
      responses.map((response, i) =>
        (i % 2 ? serverA : serverB).system.service.answer("default", jobId, checkpointId, response),
      ),
    );
    const outcomes = settled.map(codeOf);
    expect(outcomes.filter((o) => o === "accepted")).toHaveLength(1);
    const stored = await db.prisma.checkpoint.findUniqueOrThrow({ where: { id: checkpointId } });
    const same = responses.filter((r) => JSON.stringify(r) === JSON.stringify(stored.response)).length;
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(same - 1);
    expect(outcomes.filter((o) => o === "CONFLICT")).toHaveLength(100 - same);

    await waitForStatus(db, jobId, ["completed"]);
    const calls = (step: string) => serverA.calls(jobId, step) + serverB.calls(jobId, step);
    expect([calls("a"), calls("b"), calls("c")]).toEqual([1, 1, 1]); // resumed exactly once, nothing re-run
    const types = (await db.prisma.jobEvent.findMany({ where: { jobId }, orderBy: { seq: "asc" } })).map((e) => e.type);
    expect(types.filter((t) => t === "hitl_answered")).toHaveLength(1);
    expect(types.filter((t) => t === "completed")).toHaveLength(1);
    expect(types.filter((t) => t === "step_start")).toHaveLength(3);
    const job = await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.result).toMatchObject({ answer: stored.response });
  });

  it("rejects a wrong owner exactly as an unknown job (NOT_FOUND), an unknown checkpoint, and keeps waiting", async () => {
    const { jobId, checkpointId } = await waitingJob(serverA.system, "alice");
    const service = serverA.system.service;
    const unknownJob = { code: "NOT_FOUND", message: `Job '${jobId}' not found` };
    await expect(service.answer("mallory", jobId, checkpointId, { action: "proceed" })).rejects.toMatchObject(
      unknownJob,
    );
    await expect(service.answer("default", jobId, checkpointId, { action: "proceed" })).rejects.toMatchObject(
      unknownJob,
    );
    await expect(
      service.answer("alice", "00000000-0000-4000-8000-000000000000", checkpointId, {}),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(service.answer("alice", jobId, "00000000-0000-4000-8000-000000000000", {})).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("pending_hitl");
    expect(await service.answer("alice", jobId, checkpointId, { action: "proceed" })).toBe("accepted");
    await waitForStatus(db, jobId, ["completed"]);
  });

  it("answers with action cancel cancel the job", async () => {
    const { jobId, checkpointId } = await waitingJob(serverA.system);
    expect(await serverA.system.service.answer("default", jobId, checkpointId, { action: "cancel" })).toBe("accepted");
    await waitForStatus(db, jobId, ["cancelled"]);
    expect(serverA.calls(jobId, "b")).toBe(0);
  });
});

describe("checkpoint deadlines", () => {
  it("expires an unanswered checkpoint: the job fails with a clear reason and later answers conflict", async () => {
    const { system } = systemWithCounting(db, { checkpointTimeoutMs: 150, runner: { sweepMs: 100 } });
    await system.runner.start();
    try {
      const { jobId, checkpointId } = await waitingJob(system);
      const failed = await waitForStatus(db, jobId, ["failed"]);
      expect(failed.error).toMatch(/Checkpoint 'confirm' was not answered before its deadline/);
      expect((await db.prisma.checkpoint.findUniqueOrThrow({ where: { id: checkpointId } })).status).toBe("expired");
      await expect(system.service.answer("default", jobId, checkpointId, { action: "proceed" })).rejects.toMatchObject({
        code: "CONFLICT",
      });
    } finally {
      await system.runner.stop();
    }
  });
});
