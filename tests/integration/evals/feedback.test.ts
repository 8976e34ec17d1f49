import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skillMd } from "../../support/library";
import { nodeClient } from "../../support/trpc-client";
import {
  FINISHED,
  importEvalSkill,
  startWorkflowHarness,
  waitForJob,
  type WorkflowHarness,
} from "../../support/workflow-harness";

/**
 * Feedback on an eval's outputs over HTTP (docs/evals.md, Feedback): kept per output and person, replaced when
 * written again, refused for an output the eval does not have or a job that is not the caller's finished eval.
 */
let h: WorkflowHarness;
let jobId = "";
beforeAll(async () => {
  h = await startWorkflowHarness();
  h.useModel("scripted:happy");
  jobId = await finishedEval("ops/feedback", 2);
});
afterAll(async () => h.close());

const BODY = "\n# Rollback\n\nRoll back with `kubectl rollout undo deployment/web`.\n";
const CASES = [
  { id: 1, prompt: "Check the deploy", expectations: ["Waits with `kubectl rollout status`"] },
  { id: 2, prompt: "The deploy broke: undo it", expectations: ["Uses `kubectl rollout undo`"] },
];

async function finishedEval(path: string, runs: number): Promise<string> {
  await importEvalSkill(h.client, path, {
    description: "Use when rolling back the web service",
    body: BODY,
    cases: CASES,
  });
  const started = await h.client.evals.start.mutate({ source: { kind: "library", path }, runs });
  const job = await waitForJob(h.client, started.jobId, FINISHED);
  if (job.status !== "completed") throw new Error(`eval ${started.jobId} is ${job.status}: ${job.error}`);
  return started.jobId;
}

const output = (changes: Partial<{ jobId: string; caseId: string; side: "with" | "without"; run: number }> = {}) => ({
  jobId,
  caseId: "2",
  side: "with" as const,
  run: 1,
  rating: "good" as const,
  note: "",
  ...changes,
});

const badRequest = (message: string) => ({ message, data: { code: "BAD_REQUEST" } });

describe("feedback on an eval's outputs", () => {
  it("is kept with the run: evals.get returns it, and the figures stay as they were", async () => {
    const before = await h.client.evals.get.query({ jobId });
    expect(before.feedback).toEqual([]);
    const saved = await h.client.evals.feedback.mutate({ ...output(), note: "  Quotes the right command.  " });
    expect(saved).toMatchObject({
      caseId: "2",
      side: "with",
      run: 1,
      rating: "good",
      note: "Quotes the right command.",
    });
    await h.client.evals.feedback.mutate({ ...output({ side: "without", run: 2 }), rating: null, note: "Generic." });
    const after = await h.client.evals.get.query({ jobId });
    expect(after.feedback.map(({ updatedAt: _, ...rest }) => rest)).toEqual([
      { caseId: "2", side: "with", run: 1, rating: "good", note: "Quotes the right command." },
      { caseId: "2", side: "without", run: 2, rating: null, note: "Generic." },
    ]);
    expect(after.feedback[0]?.updatedAt).toEqual(saved.updatedAt);
    expect(after.result).toEqual(before.result);
  });

  it("writing again replaces the person's feedback on that output", async () => {
    const target = output({ caseId: "1", side: "without", run: 2 });
    await h.client.evals.feedback.mutate({ ...target, rating: "good", note: "First thought." });
    await h.client.evals.feedback.mutate({ ...target, rating: "bad", note: "Misses the status check." });
    await h.client.evals.feedback.mutate({ ...target, rating: null, note: "" });
    const mine = (await h.client.evals.get.query({ jobId })).feedback.filter((f) => f.caseId === "1");
    expect(mine.map(({ updatedAt: _, ...rest }) => rest)).toEqual([
      { caseId: "1", side: "without", run: 2, rating: null, note: "" },
    ]);
  });

  it("refuses an output the eval does not have, naming the field", async () => {
    await expect(h.client.evals.feedback.mutate(output({ caseId: "9" }))).rejects.toMatchObject(
      badRequest("caseId: the eval has no case 9"),
    );
    await expect(h.client.evals.feedback.mutate(output({ run: 7 }))).rejects.toMatchObject(
      badRequest("run: case 2 has no run 7 with the skill"),
    );
    await expect(h.client.evals.feedback.mutate(output({ side: "both" as never }))).rejects.toMatchObject(
      badRequest("side must be 'with' or 'without'."),
    );
    await expect(h.client.evals.feedback.mutate({ ...output(), note: "n".repeat(2_001) })).rejects.toMatchObject(
      badRequest("note must be at most 2,000 characters."),
    );
    expect((await h.client.evals.get.query({ jobId })).feedback.map((f) => f.caseId)).not.toContain("9");
  });

  it("on an eval comparing two versions, the baseline side is that version's outputs", async () => {
    await h.client.library.save.mutate({
      path: "ops/feedback",
      baseVersion: 1,
      files: [
        {
          path: "SKILL.md",
          text: skillMd("feedback", "Use when rolling back the web service", `${BODY}\nThen check.\n`),
        },
        { path: "evals/evals.json", from: "evals/evals.json" },
      ],
      message: "a second version",
    });
    const source = { kind: "library" as const, path: "ops/feedback" };
    const started = await h.client.evals.start.mutate({ source, runs: 1, compareWith: 1, tune: false });
    expect((await waitForJob(h.client, started.jobId, FINISHED)).status).toBe("completed");
    const compared = { jobId: started.jobId, side: "without" as const };
    await expect(h.client.evals.feedback.mutate(output({ ...compared, run: 2 }))).rejects.toMatchObject(
      badRequest("run: case 2 has no run 2 against version 1"),
    );
    const saved = await h.client.evals.feedback.mutate({ ...output({ ...compared, run: 1 }), rating: "bad" });
    expect(saved).toMatchObject({ side: "without", run: 1, rating: "bad" });
  });

  it("another user's eval is NOT_FOUND, to rate as to read", async () => {
    const mallory = nodeClient(h.app.url, "mallory");
    await expect(mallory.evals.feedback.mutate(output())).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    await expect(mallory.evals.get.query({ jobId })).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    expect((await h.client.evals.get.query({ jobId })).feedback.length).toBeGreaterThan(0);
  });

  it("refuses a job that is not an eval, and an eval that did not finish", async () => {
    const created = await h.client.skills.create.mutate({
      task: "Write a skill for checking a web release after deploy",
      options: { confirmPlan: false, previewContent: false, reviewValidation: false },
    });
    await waitForJob(h.client, created.jobId, FINISHED);
    await expect(h.client.evals.feedback.mutate(output({ jobId: created.jobId }))).rejects.toMatchObject(
      badRequest(`Job '${created.jobId}' is not an eval`),
    );
    // One model call allowed: the eval fails at its cap, with no result to give feedback on.
    h.useModel("scripted:happy", { SKILL_FLEET_EVAL_MAX_CALLS: "1" });
    try {
      const failed = await h.client.evals.start.mutate({ source: { kind: "library", path: "ops/feedback" } });
      expect((await waitForJob(h.client, failed.jobId, FINISHED)).status).toBe("failed");
      await expect(h.client.evals.feedback.mutate(output({ jobId: failed.jobId }))).rejects.toMatchObject(
        badRequest(`Eval '${failed.jobId}' is not finished (it is failed)`),
      );
    } finally {
      Reflect.deleteProperty(process.env, "SKILL_FLEET_EVAL_MAX_CALLS");
      h.useModel("scripted:happy");
    }
  });
});
