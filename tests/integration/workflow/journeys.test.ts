import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { validateSkillFiles } from "../../../server/skills/validator";
import { CHECKPOINT_SCHEMAS } from "../../../contracts/checkpoints";
import { present } from "../../support/jobs";
import {
  FINISHED,
  draftFileMap,
  startWorkflowHarness,
  waitForCheckpoint,
  waitForJob,
  type WorkflowHarness,
} from "../../support/workflow-harness";

/**
 * The workflow's journeys through the real tRPC endpoint over HTTP, with the scripted model (SKILL_FLEET_MODEL=
 * scripted:<scenario>), each ending where a user would look: status, result, draft on disk, timeline.
 */
let h: WorkflowHarness;
const CLEAR_TASK = "Create a skill for debugging flaky Playwright tests in CI pipelines, with traces and retries";

beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => h.close());
beforeEach(() => h.useModel("scripted:happy"));

type Options = Partial<Record<"confirmPlan" | "previewContent" | "reviewValidation" | "streamTokens", boolean>>;

async function create(task = CLEAR_TASK, options: Options = {}): Promise<string> {
  return (await h.client.skills.create.mutate({ task, options })).jobId;
}

async function answer(jobId: string, checkpointId: string, response: Record<string, unknown>) {
  return h.client.hitl.answer.mutate({ jobId, checkpointId, response: response as never });
}

async function stepKeys(jobId: string): Promise<string[]> {
  return (await h.client.jobs.timeline.query({ jobId })).steps.map((s) => s.key);
}

/** The job's draft, read back from the database (any server's), validated as a folder; its files by path. */
async function expectValidDraft(jobId: string): Promise<(name: string) => string> {
  const job = await h.client.jobs.get.query({ jobId });
  present(job.draft, "draft");
  const files = await draftFileMap(h.client, jobId);
  const report = validateSkillFiles(files);
  expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
  return (name) => present(Object.entries(files).find(([key]) => key.endsWith(`/${name}`))?.[1], name) as string;
}

describe("clear task, no checkpoint", () => {
  it("runs all three phases and writes a draft that passes the validator, with evals in skill-creator's format", async () => {
    const jobId = await create();
    const job = await waitForJob(h.client, jobId, FINISHED);
    expect(job.status).toBe("completed");
    expect(job.result).toMatchObject({ passed: true, name: expect.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/) });
    expect(job.progress).toBe(100);
    const draft = await expectValidDraft(jobId);
    const evals = JSON.parse(draft("evals/evals.json")) as {
      skill_name: string;
      evals: { id: number; prompt: string; expected_output: string }[];
    };
    expect(evals.skill_name).toBe(job.result?.name);
    expect(evals.evals.length).toBeGreaterThan(0);
    expect(evals.evals[0]).toMatchObject({ id: 1, prompt: expect.any(String), expected_output: expect.any(String) });
    const timeline = await h.client.jobs.timeline.query({ jobId });
    expect(timeline.checkpoints).toEqual([]);
    expect(timeline.events.filter((e) => e.type === "phase_start").map((e) => e.phase)).toEqual([
      "Understanding",
      "Generation",
      "Validation",
    ]);
    expect(timeline.steps.every((s) => s.status === "completed")).toBe(true);
  });
});

describe("vague task", () => {
  it("asks clarifying questions, re-runs understanding with the answers, and completes", async () => {
    h.useModel("scripted:vague");
    const jobId = await create("Make a skill for my team's stuff");
    const checkpoint = await waitForCheckpoint(h.client, jobId, "clarify");
    expect((await h.client.jobs.get.query({ jobId })).status).toBe("pending_user_input");
    const prompt = CHECKPOINT_SCHEMAS.clarify.prompt.parse(checkpoint.prompt);
    expect(prompt.questions.length).toBeGreaterThan(0);
    const answers = Object.fromEntries(
      prompt.questions.map((q) => [
        q.id,
        q.options[0] ? { selected: [q.options[0].id] } : { selected: [], text: "Python data pipelines" },
      ]),
    );
    expect(await answer(jobId, checkpoint.id, { action: "answer", answers })).toEqual({ status: "accepted" });
    const job = await waitForJob(h.client, jobId, FINISHED);
    expect(job.status).toBe("completed");
    expect(await stepKeys(jobId)).toEqual(
      expect.arrayContaining(["understanding#1/requirements", "understanding#2/requirements"]),
    );
    await expectValidDraft(jobId);
  });

  it("stops asking after the round cap and proceeds on its best understanding", async () => {
    h.useModel("scripted:vague");
    const jobId = await create("Make a skill for my team's other stuff");
    // An empty answer clarifies nothing, so the scripted model keeps reporting ambiguities.
    for (let round = 1; round <= 3; round++) {
      const checkpoint = await waitForCheckpoint(h.client, jobId, "clarify");
      expect(CHECKPOINT_SCHEMAS.clarify.prompt.parse(checkpoint.prompt).round).toBe(round);
      await answer(jobId, checkpoint.id, { action: "answer", answers: {} });
    }
    expect((await waitForJob(h.client, jobId, FINISHED)).status).toBe("completed");
  });
});

describe("bad name", () => {
  it("stops at structure_fix with suggested fixes; accepting them produces a valid name", async () => {
    h.useModel("scripted:bad-name");
    const jobId = await create();
    const checkpoint = await waitForCheckpoint(h.client, jobId, "structure_fix");
    const prompt = CHECKPOINT_SCHEMAS.structure_fix.prompt.parse(checkpoint.prompt);
    expect(prompt.currentValues.name).toBe("My Skill_Name");
    expect(prompt.issues.length).toBeGreaterThan(0);
    const suggested = present(
      prompt.suggestedFixes.find((f) => f.field === "name"),
      "a suggested name",
    ).suggested;
    await answer(jobId, checkpoint.id, { action: "apply", acceptSuggestions: true });
    const job = await waitForJob(h.client, jobId, FINISHED);
    expect(job.status).toBe("completed");
    expect(job.result?.name).toBe(suggested);
    await expectValidDraft(jobId);
  });

  it("uses the name the user typed instead", async () => {
    h.useModel("scripted:bad-name");
    const jobId = await create();
    const checkpoint = await waitForCheckpoint(h.client, jobId, "structure_fix");
    await answer(jobId, checkpoint.id, { action: "apply", name: "flaky-test-hunter" });
    const job = await waitForJob(h.client, jobId, FINISHED);
    expect(job.result?.name).toBe("flaky-test-hunter");
    expect(job.result?.path).toMatch(/\/flaky-test-hunter$/);
  });
});

describe("confirm the plan", () => {
  it("revise with feedback re-plans (the plan changes), then proceed completes", async () => {
    const jobId = await create(CLEAR_TASK, { confirmPlan: true });
    const first = await waitForCheckpoint(h.client, jobId, "confirm");
    expect((await h.client.jobs.get.query({ jobId })).status).toBe("pending_hitl");
    await answer(jobId, first.id, {
      action: "revise",
      feedback: "Call it playwright-flake-doctor and keep it shorter",
    });
    const second = await waitForCheckpoint(h.client, jobId, "confirm");
    expect(second.id).not.toBe(first.id);
    const before = CHECKPOINT_SCHEMAS.confirm.prompt.parse(first.prompt);
    const after = CHECKPOINT_SCHEMAS.confirm.prompt.parse(second.prompt);
    expect(after.summary).not.toBe(before.summary);
    expect(after.summary).toContain("Skill: playwright-flake-doctor");
    await answer(jobId, second.id, { action: "proceed" });
    const job = await waitForJob(h.client, jobId, FINISHED);
    expect(job.result?.name).toBe("playwright-flake-doctor");
  });

  it("refuses a revise without feedback with a clear message, and loses nothing", async () => {
    const jobId = await create(CLEAR_TASK, { confirmPlan: true });
    const checkpoint = await waitForCheckpoint(h.client, jobId, "confirm");
    await expect(answer(jobId, checkpoint.id, { action: "revise" })).rejects.toThrow(/feedback/);
    await expect(answer(jobId, checkpoint.id, { action: "approve-everything" })).rejects.toThrow(
      /Invalid answer for a confirm checkpoint/,
    );
    expect((await h.client.jobs.get.query({ jobId })).pendingCheckpoint?.id).toBe(checkpoint.id);
    await answer(jobId, checkpoint.id, { action: "proceed" });
    expect((await waitForJob(h.client, jobId, FINISHED)).status).toBe("completed");
  });
});

describe("preview the content", () => {
  it("refine applies the feedback (the content changes), then proceed keeps it", async () => {
    const jobId = await create(CLEAR_TASK, { previewContent: true });
    const first = await waitForCheckpoint(h.client, jobId, "preview");
    const before = CHECKPOINT_SCHEMAS.preview.prompt.parse(first.prompt);
    expect(before.content).toMatch(/^---\nname: /);
    await answer(jobId, first.id, { action: "refine", feedback: "- Add a section on reading Playwright trace files" });
    const second = await waitForCheckpoint(h.client, jobId, "preview");
    const after = CHECKPOINT_SCHEMAS.preview.prompt.parse(second.prompt);
    expect(after.content).not.toBe(before.content);
    expect(after.content.toLowerCase()).toContain("trace files");
    await answer(jobId, second.id, { action: "proceed" });
    const job = await waitForJob(h.client, jobId, FINISHED);
    expect(job.result?.content?.toLowerCase()).toContain("trace files");
  });
});

describe("review the validation", () => {
  it("shows the report and proceeds with the report computed before the checkpoint", async () => {
    const jobId = await create(CLEAR_TASK, { reviewValidation: true });
    const checkpoint = await waitForCheckpoint(h.client, jobId, "validate");
    const prompt = CHECKPOINT_SCHEMAS.validate.prompt.parse(checkpoint.prompt);
    expect(prompt.report).toMatch(/^Passes: content quality \d\.\d\d against the pass mark/);
    expect(prompt.report).toMatch(/Model judge \(scripted:happy\): \d\.\d\d/);
    expect(prompt.quality?.judge.status).toBe("measured");
    expect(prompt.passed).toBe(true);
    await answer(jobId, checkpoint.id, { action: "proceed" });
    const job = await waitForJob(h.client, jobId, FINISHED);
    expect(job.status).toBe("completed");
    expect(job.result?.passed).toBe(true);
  });
});

describe("cancel at every checkpoint", () => {
  const cases: [string, string, Options, string | null][] = [
    ["clarify", "scripted:vague", {}, "Make a skill for my team's stuff again"],
    ["structure_fix", "scripted:bad-name", {}, null],
    ["confirm", "scripted:happy", { confirmPlan: true }, null],
    ["preview", "scripted:happy", { previewContent: true }, null],
    ["validate", "scripted:happy", { reviewValidation: true }, null],
  ];
  it.each(cases)("%s → cancelled, persisted, no further step runs", async (type, model, options, task) => {
    h.useModel(model);
    const jobId = await create(task ?? CLEAR_TASK, options);
    const checkpoint = await waitForCheckpoint(h.client, jobId, type);
    const stepsBefore = await stepKeys(jobId);
    await answer(jobId, checkpoint.id, { action: "cancel" });
    const job = await waitForJob(h.client, jobId, FINISHED);
    expect(job.status).toBe("cancelled");
    expect(job.draft).toBeNull();
    expect(await stepKeys(jobId)).toEqual(stepsBefore);
    const row = await h.db.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(row.status).toBe("cancelled");
  });
});

describe("a failing step", () => {
  it("with fallbacks on, the documented fallback is used and the job completes", async () => {
    h.useModel("scripted:failing-intent", { SKILL_FLEET_ALLOW_LLM_FALLBACK: "true" });
    const jobId = await create();
    const job = await waitForJob(h.client, jobId, FINISHED);
    expect(job.status).toBe("completed");
    const intent = await h.db.prisma.jobStep.findFirstOrThrow({ where: { jobId, key: "understanding#1/intent" } });
    expect(intent.output).toMatchObject({ purpose: expect.stringMatching(/^Help with: /) });
  });

  it("with fallbacks off, the job fails with the step's error", async () => {
    h.useModel("scripted:failing-intent", { SKILL_FLEET_ALLOW_LLM_FALLBACK: "false" });
    const jobId = await create();
    const job = await waitForJob(h.client, jobId, FINISHED);
    expect(job.status).toBe("failed");
    expect(job.error).toMatch(/analyzeIntent always fails/);
  });

  it("a step without a fallback fails the job whatever the setting", async () => {
    h.useModel("scripted:failing-step", { SKILL_FLEET_ALLOW_LLM_FALLBACK: "true" });
    const job = await waitForJob(h.client, await create(), FINISHED);
    expect(job.status).toBe("failed");
    expect(job.error).toMatch(/generateContent always fails/);
  });
});

describe("validation below the threshold", () => {
  it("refines the skill and recomputes the score", async () => {
    h.useModel("scripted:low-quality");
    const jobId = await create();
    const job = await waitForJob(h.client, jobId, FINISHED);
    const keys = await stepKeys(jobId);
    expect(keys).toEqual(
      expect.arrayContaining(["validation#1/quality", "validation#1/refine@1", "validation#1/rescore@1/quality"]),
    );
    expect(job.status).toBe("completed");
    expect(job.result?.score).toBeGreaterThanOrEqual(job.result?.validation?.quality?.threshold ?? 1);
    expect(job.result?.content).toContain("refined by scripted model");
  });
});

/**
 * What the job page and the timeline read (docs/ui.md): the step a failed job stopped at, "Run again", the typed
 * checkpoint prompt with the text it revises, and per step the model, its input and output, tokens and estimated
 * cost, with totals.
 */
describe("a failed job", () => {
  it("names the step that failed, and runs again with the same task and options", async () => {
    h.useModel("scripted:failing-step");
    const options = { previewContent: true, streamTokens: true };
    const { jobId } = await h.client.skills.create.mutate({ task: CLEAR_TASK, options });
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
    expect(rerun.task).toBe(CLEAR_TASK);
    expect(rerun.options).toEqual({ ...options, confirmPlan: false, reviewValidation: false });
    await waitForCheckpoint(h.client, again.jobId, "preview");
  });

  it("refuses to run again a job that did not fail or was not cancelled", async () => {
    h.useModel(null);
    const { jobId } = await h.client.skills.create.mutate({ task: CLEAR_TASK });
    await waitForJob(h.client, jobId, FINISHED);
    await expect(h.client.skills.runAgain.mutate({ jobId })).rejects.toMatchObject({
      data: { code: "PRECONDITION_FAILED" },
    });
  });
});

describe("the pending checkpoint", () => {
  it("comes with its prompt already checked and typed, and so does each past checkpoint's answer", async () => {
    h.useModel(null);
    const { jobId } = await h.client.skills.create.mutate({ task: CLEAR_TASK, options: { previewContent: true } });
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
    const { jobId } = await h.client.skills.create.mutate({ task: CLEAR_TASK });
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
    const { jobId } = await h.client.skills.create.mutate({ task: CLEAR_TASK });
    await waitForJob(h.client, jobId, FINISHED);
    const { steps, totals } = await h.client.jobs.timeline.query({ jobId });
    const modelSteps = steps.filter((s) => s.model !== null);
    expect(modelSteps.every((s) => s.model === "scripted:happy" && s.costUsd === null)).toBe(true);
    expect(modelSteps.every((s) => (s.usage.totalTokens ?? 0) > 0)).toBe(true);
    expect(totals.totalTokens).toBe(steps.reduce((sum, s) => sum + (s.usage.totalTokens ?? 0), 0));
    expect((totals.inputTokens ?? NaN) + (totals.outputTokens ?? NaN)).toBe(totals.totalTokens);
    // Every model step says the model wrote its output, in one request.
    expect(modelSteps.every((s) => s.provenance?.source === "model" && s.provenance.requests.length === 1)).toBe(true);
    expect(totals.costUsd).toBeNull();
  });
});

describe("the browser suite's scripted scenario", () => {
  it("[bad-name] asks to fix the name, and [poor] ends the job needing review", async () => {
    h.useModel("scripted:e2e");
    const bad = await h.client.skills.create.mutate({ task: `${CLEAR_TASK} [bad-name]` });
    const fix = await waitForCheckpoint(h.client, bad.jobId, "structure_fix");
    if (!fix.readable || fix.type !== "structure_fix") throw new Error("expected a readable structure_fix");
    expect(fix.prompt.currentValues.name).toBe("My Skill_Name");
    await h.client.jobs.cancel.mutate({ jobId: bad.jobId });
    const poor = await h.client.skills.create.mutate({ task: `${CLEAR_TASK} [poor]` });
    const finished = await waitForJob(h.client, poor.jobId, FINISHED);
    expect(finished).toMatchObject({ status: "pending_review", result: { passed: false } });
  });
});
