import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { present } from "../../support/jobs";
import {
  FINISHED,
  startWorkflowHarness,
  waitForCheckpoint,
  waitForJob,
  type WorkflowHarness,
} from "../../support/workflow-harness";

/**
 * What the job page and the timeline read (docs/ui.md): the step a failed job stopped at, "Run again", the typed
 * checkpoint prompt, and per step the model, its input and output, tokens and estimated cost, with totals.
 */
let h: WorkflowHarness;
const TASK = "Create a skill for debugging flaky Playwright tests in CI pipelines, with traces and retries";

beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => h.close());

describe("a failed job", () => {
  it("names the step that failed, and runs again with the same task and options", async () => {
    h.useModel("scripted:failing-step");
    const options = { previewContent: true, streamTokens: true };
    const { jobId } = await h.client.skills.create.mutate({ task: TASK, options });
    const failed = await waitForJob(h.client, jobId, FINISHED);
    expect(failed.status).toBe("failed");
    expect(failed.failedStep).toEqual({ key: "generation#1/content", error: expect.stringContaining("scripted") });

    const timeline = await h.client.jobs.timeline.query({ jobId });
    const step = present(timeline.steps.find((s) => s.key === "generation#1/content"));
    expect(step).toMatchObject({ status: "failed", model: "scripted:failing-step" });
    expect(step.input).toMatchObject({ plan: expect.any(Object) });

    h.useModel("scripted:happy");
    const again = await h.client.skills.runAgain.mutate({ jobId, requestId: "again-1" });
    expect(again.jobId).not.toBe(jobId);
    expect((await h.client.skills.runAgain.mutate({ jobId, requestId: "again-1" })).jobId).toBe(again.jobId);
    const rerun = await h.client.jobs.get.query({ jobId: again.jobId });
    expect(rerun.task).toBe(TASK);
    expect(rerun.options).toEqual({ ...options, confirmPlan: false, reviewValidation: false });
    await waitForCheckpoint(h.client, again.jobId, "preview");
  });

  it("refuses to run again a job that did not fail or was not cancelled", async () => {
    h.useModel(null);
    const { jobId } = await h.client.skills.create.mutate({ task: TASK });
    await waitForJob(h.client, jobId, FINISHED);
    await expect(h.client.skills.runAgain.mutate({ jobId })).rejects.toMatchObject({
      data: { code: "PRECONDITION_FAILED" },
    });
  });
});

describe("the pending checkpoint", () => {
  it("comes with its prompt already checked and typed, and so does each past checkpoint's answer", async () => {
    h.useModel(null);
    const { jobId } = await h.client.skills.create.mutate({ task: TASK, options: { previewContent: true } });
    const checkpoint = await waitForCheckpoint(h.client, jobId, "preview");
    expect(checkpoint.readable).toBe(true);
    if (!checkpoint.readable || checkpoint.type !== "preview") throw new Error("expected a readable preview");
    expect(checkpoint.prompt.content).toMatch(/^---\nname: /);
    expect(checkpoint.previous).toBeNull();
    const feedback = "Add a section on rollback drills";
    await h.client.hitl.answer.mutate({ jobId, checkpointId: checkpoint.id, response: { action: "refine", feedback } });
    const next = await waitForCheckpoint(h.client, jobId, "preview");
    expect(next.id).not.toBe(checkpoint.id);
    // The refined preview carries the text it revises, for the page's diff.
    expect(next.previous).toBe(checkpoint.prompt.content);
    if (!next.readable || next.type !== "preview") throw new Error("expected a readable preview");
    expect(next.prompt.content).toMatch(/rollback drills/i);
    const [past] = (await h.client.jobs.timeline.query({ jobId })).checkpoints;
    expect(past).toMatchObject({ id: checkpoint.id, type: "preview", readable: true, status: "answered" });
    expect(past?.response).toEqual({ action: "refine", feedback });
    await h.client.jobs.cancel.mutate({ jobId });
  });
});

describe("the timeline", () => {
  it("records each model step's engine and input; the offline engine costs nothing", async () => {
    h.useModel(null);
    const { jobId } = await h.client.skills.create.mutate({ task: TASK });
    await waitForJob(h.client, jobId, FINISHED);
    const { steps, totals } = await h.client.jobs.timeline.query({ jobId });
    const modelSteps = steps.filter((s) => s.model !== null);
    expect(modelSteps.length).toBeGreaterThan(3);
    for (const step of modelSteps)
      expect(step).toMatchObject({ model: "offline", costUsd: 0, input: expect.anything() });
    expect(steps.some((s) => s.model === null && s.input === null)).toBe(true); // plain computations
    expect(totals.costUsd).toBe(0);
    expect(totals.stepMs).toBe(steps.reduce((sum, s) => sum + (s.durationMs ?? 0), 0));
    expect(present(totals.wallMs)).toBeGreaterThanOrEqual(Math.max(...steps.map((s) => s.durationMs ?? 0)));
  });

  it("sums the tokens a model reported, and says the cost is unknown for a model without a price", async () => {
    h.useModel("scripted:happy");
    const { jobId } = await h.client.skills.create.mutate({ task: TASK });
    await waitForJob(h.client, jobId, FINISHED);
    const { steps, totals } = await h.client.jobs.timeline.query({ jobId });
    const modelSteps = steps.filter((s) => s.model !== null);
    expect(modelSteps.every((s) => s.model === "scripted:happy" && s.costUsd === null)).toBe(true);
    expect(modelSteps.every((s) => (s.usage.totalTokens ?? 0) > 0)).toBe(true);
    expect(totals.totalTokens).toBe(steps.reduce((sum, s) => sum + (s.usage.totalTokens ?? 0), 0));
    expect(totals.inputTokens + totals.outputTokens).toBe(totals.totalTokens);
    expect(totals.costUsd).toBeNull();
  });
});

describe("the browser suite's scripted scenario", () => {
  it("[bad-name] asks to fix the name, and [poor] ends the job needing review", async () => {
    h.useModel("scripted:e2e");
    const bad = await h.client.skills.create.mutate({ task: `${TASK} [bad-name]` });
    const fix = await waitForCheckpoint(h.client, bad.jobId, "structure_fix");
    if (!fix.readable || fix.type !== "structure_fix") throw new Error("expected a readable structure_fix");
    expect(fix.prompt.currentValues.name).toBe("My Skill_Name");
    await h.client.jobs.cancel.mutate({ jobId: bad.jobId });
    const poor = await h.client.skills.create.mutate({ task: `${TASK} [poor]` });
    const finished = await waitForJob(h.client, poor.jobId, FINISHED);
    expect(finished).toMatchObject({ status: "pending_review", result: { passed: false } });
  });
});
