import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createScriptedModel } from "@/dev/scripted/model";
import { delayed, type StepScript } from "@/dev/scripted/replies";
import { overrideModelsForTests } from "@/server/llm/models";
import type { StepName } from "@/server/llm/steps/names";
import { libraryOver } from "@/server/services";
import { testJobSystem, waitFor } from "../../support/jobs";
import {
  FINISHED,
  importEvalSkill,
  startWorkflowHarness,
  waitForJob,
  type WorkflowHarness,
} from "../../support/workflow-harness";

/**
 * An eval is a durable job: a model error is one run's outcome (counted apart), a restart mid-run repeats no
 * finished model call, and a cancelled eval stops. The model is the scripted one, counting the replies it gave.
 */
let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
  h.useModel("scripted:happy");
});
afterEach(() => overrideModelsForTests());
afterAll(async () => h.close());

const BODY = "\n# Release checks\n\n1. Roll back with `kubectl rollout undo deployment/web`.\n";
const CASES = [
  { id: 1, prompt: "Undo the broken deploy", expectations: ["Uses `kubectl rollout undo`"] },
  { id: 2, prompt: "Undo it again [overloaded]", expectations: ["Names `deployment/web`"] },
];

const importSkill = (path: string) =>
  importEvalSkill(h.client, path, { description: "Use when checking a release", body: BODY, cases: CASES });

/** Every call takes `ms`; the baseline answer to an [overloaded] prompt fails like an overloaded provider. */
function countingModel(ms: number) {
  const replies = new Map<StepName, number>();
  const overloaded: StepScript = (call) => {
    const input = call.input as { prompt?: string; skill?: unknown };
    if (input.skill === null && input.prompt?.includes("[overloaded]"))
      return { kind: "throw", message: "scripted: the model is overloaded" };
    return delayed(ms)(call);
  };
  const model = createScriptedModel(
    { description: "counting", steps: { answerEvalCase: overloaded }, everyStep: delayed(ms) },
    { onReply: (step) => replies.set(step, (replies.get(step) ?? 0) + 1) },
  );
  overrideModelsForTests(() => model);
  return { total: () => [...replies.values()].reduce((n, v) => n + v, 0) };
}

const completedCalls = async (jobId: string) =>
  (await h.db.prisma.jobStep.findMany({ where: { jobId, status: "completed" } })).filter((s) =>
    /\/(answer|judge)$/.test(s.key),
  ).length;

describe("eval jobs are durable", () => {
  it("a model error mid-run, then a restart: the run resumes and no finished call is repeated", async () => {
    await importSkill("ops/resumed");
    const counted = countingModel(150);
    const { jobId } = await h.client.evals.start.mutate({ source: { kind: "library", path: "ops/resumed" }, runs: 2 });
    await waitFor(async () => (await completedCalls(jobId)) >= 4, 20_000, "four finished calls");
    await h.system.runner.stop(); // the server goes down mid-run: calls in flight are interrupted
    const beforeRestart = counted.total();
    const second = testJobSystem(h.db, {
      runner: { id: "second", leaseMs: 30_000 },
      library: libraryOver(h.db.prisma, h.skillsRoot),
    });
    await second.runner.start();
    try {
      await waitForJob(h.client, jobId, FINISHED);
      const { result, status } = await h.client.evals.get.query({ jobId });
      expect(status).toBe("completed");
      // 2 cases × 2 runs × 2 sides answers (2 of them fail: case 2 without the skill), a judge for each of the
      // other 6: 12 replies across both servers, each exactly once, and 14 finished calls.
      expect(counted.total()).toBe(6 + 6);
      expect(beforeRestart).toBeGreaterThanOrEqual(4);
      expect(counted.total()).toBeGreaterThan(beforeRestart); // the second server finished the run
      expect(await completedCalls(jobId)).toBe(14);
      const failing = result?.functional?.cases[1];
      expect(failing?.without).toMatchObject({ mean: null, graded: 0, errors: 2 });
      expect(failing?.runs.without[0]).toMatchObject({ status: "error", stage: "answer", failure: "error" });
      expect(failing?.runs.without[0]?.error).toContain("overloaded");
      expect(failing?.with).toMatchObject({ mean: 1, graded: 2, errors: 0 });
      expect(result?.functional?.overall.without).toMatchObject({ mean: 0, graded: 2, errors: 2 });
    } finally {
      await second.runner.stop();
      await h.system.runner.start();
    }
  });

  it("a cancelled eval stops before the end and ends cancelled, with no result", async () => {
    await importSkill("ops/cancelled");
    const counted = countingModel(400);
    const { jobId } = await h.client.evals.start.mutate({ source: { kind: "library", path: "ops/cancelled" } });
    await waitFor(async () => (await completedCalls(jobId)) >= 1, 20_000, "a finished call");
    await h.client.jobs.cancel.mutate({ jobId });
    const job = await waitForJob(h.client, jobId, FINISHED);
    expect(job.status).toBe("cancelled");
    const atCancel = counted.total();
    expect(atCancel).toBeLessThan(2 * 3 * 2 * 2); // far from the full run
    expect((await h.client.evals.get.query({ jobId })).result).toBeNull();
  });
});
