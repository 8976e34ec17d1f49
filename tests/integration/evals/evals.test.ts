import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVALS_NEED_A_MODEL } from "@/server/llm/steps/answer-eval-case";
import { skillMd } from "../../support/library";
import { FINISHED, startWorkflowHarness, waitForJob, type WorkflowHarness } from "../../support/workflow-harness";

/**
 * Eval jobs over HTTP with the scripted model (dev/scripted/evals.ts: an answer with the skill quotes SKILL.md, the
 * judge passes an assertion when the answer contains the text it quotes in backticks, a skill is chosen by the words
 * its description shares with the query).
 */
let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
  h.useModel("scripted:happy");
});
afterAll(async () => h.close());

const RELEASE_BODY = [
  "",
  "# Release checks",
  "",
  "## Steps",
  "",
  "1. Wait for `kubectl rollout status deployment/web`.",
  "2. Roll back with `kubectl rollout undo deployment/web`.",
  "",
].join("\n");

const evalsJson = (cases: { prompt: string; checks: string[] }[], key = "expectations") =>
  JSON.stringify({ skill_name: "x", evals: cases.map((c, i) => ({ id: i + 1, prompt: c.prompt, [key]: c.checks })) });

async function importSkill(path: string, description: string, extra: Record<string, string>, body = RELEASE_BODY) {
  const name = path.split("/").at(-1) ?? "x";
  const files = [{ path: "SKILL.md", text: skillMd(name, description, body) }];
  for (const [file, text] of Object.entries(extra)) files.push({ path: file, text });
  await h.client.library.import.mutate({ path, files });
}

async function evalResult(jobId: string) {
  await waitForJob(h.client, jobId, FINISHED);
  const got = await h.client.evals.get.query({ jobId });
  if (got.status !== "completed" || !got.result) throw new Error(`eval ${jobId} is ${got.status}: ${got.error}`);
  return got.result;
}

type Result = Awaited<ReturnType<typeof evalResult>>;

/** The rollback case: the verdicts quote the answer; the history check passes only after reading the reference. */
function expectRollbackVerdicts(undo: NonNullable<Result["functional"]>["cases"][number] | undefined) {
  expect(undo?.runs.with[0]?.verdicts[0]).toEqual({
    assertion: "Uses `kubectl rollout undo`",
    passed: true,
    evidence: "2. Roll back with `kubectl rollout undo deployment/web`.",
  });
  expect(undo?.runs.with[0]?.verdicts[2]).toMatchObject({
    passed: true,
    evidence: expect.stringContaining("history"),
  });
  expect(undo?.runs.without[0]?.verdicts[0]?.passed).toBe(false);
}

const HELPFUL_CASES = [
  { prompt: "Check the web deploy", checks: ["Waits with `kubectl rollout status`"] },
  {
    prompt: "The deploy broke: undo it",
    checks: ["Uses `kubectl rollout undo`", "Names `deployment/web`", "Checks `kubectl rollout history` first"],
  },
];

describe("evals (scripted model)", () => {
  it("is refused without a model, with the message that says what to set (no job is created)", async () => {
    await importSkill("ops/offline-eval", "Use when checking a release", {
      "evals/evals.json": evalsJson(HELPFUL_CASES),
    });
    const before = (await h.client.jobs.list.query({})).items.length;
    h.useModel(null);
    try {
      await expect(
        h.client.evals.start.mutate({ source: { kind: "library", path: "ops/offline-eval" } }),
      ).rejects.toMatchObject({ message: EVALS_NEED_A_MODEL, data: { code: "BAD_REQUEST" } });
    } finally {
      h.useModel("scripted:happy");
    }
    expect((await h.client.jobs.list.query({})).items.length).toBe(before);
  });

  it("a skill that helps: every assertion passes with it and fails without; 2 calls per run and side", async () => {
    await importSkill("ops/release-checks", "Use when checking a release of the web service", {
      "evals/evals.json": evalsJson(HELPFUL_CASES),
      // Only in a reference file: the answer has it when the model read the file through the read_file tool.
      "references/history.md": "Before undoing, check `kubectl rollout history deployment/web`.",
    });
    const { jobId } = await h.client.evals.start.mutate({ source: { kind: "library", path: "ops/release-checks" } });
    const result = await evalResult(jobId);
    expect(result.runs).toBe(3);
    expect(result.versionNumber).toBe(1);
    const overall = result.functional?.overall;
    expect(overall?.with).toMatchObject({ mean: 1, sd: 0, graded: 6, errors: 0 });
    expect(overall?.without).toMatchObject({ mean: 0, sd: 0, graded: 6, errors: 0 });
    expect(overall?.delta).toBe(1);
    expectRollbackVerdicts(result.functional?.cases[1]);
    // 2 cases × 3 runs × (with, without) × (answer, judge) = 24 calls, and each of the 6 answers with the skill reads
    // the reference first (a tool round trip: one more request). Every request counts; no trigger file, no triggers.
    expect(result.usage.calls).toBe(30);
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage).toMatchObject({ costUsd: null, costUnknownCalls: 24 }); // scripted: no price, no guess
    expect(result.trigger).toBeNull();
    const listed = (await h.client.jobs.list.query({})).items.find((j) => j.id === jobId);
    expect(listed?.workflow).toBe("eval");
  });

  it("compares a run with the previous one of the same skill; the library page's latest is the newest", async () => {
    const first = await h.client.evals.start.mutate({
      source: { kind: "library", path: "ops/release-checks" },
      runs: 1,
    });
    await evalResult(first.jobId);
    const second = await h.client.evals.start.mutate({
      source: { kind: "library", path: "ops/release-checks" },
      runs: 1,
    });
    await evalResult(second.jobId);
    const got = await h.client.evals.get.query({ jobId: second.jobId });
    expect(got.previous?.jobId).toBe(first.jobId);
    expect(got.previous?.result.functional?.overall.delta).toBe(1);
    expect((await h.client.evals.get.query({ jobId: first.jobId })).previous?.jobId).not.toBe(second.jobId);
    expect((await h.client.evals.latest.query({ path: "ops/release-checks" }))?.jobId).toBe(second.jobId);
    expect(await h.client.evals.latest.query({ path: "ops/never-evaluated" })).toBeNull();
  });

  it("a skill that makes no difference (Agent Skills `assertions`): equal pass rates, delta 0", async () => {
    const cases = [
      { prompt: "Explain `git bisect` briefly", checks: ["Mentions `git bisect`", "Shows `git bisect bad`"] },
    ];
    await importSkill("dev/bisect", "Use when hunting a regression", {
      "evals/evals.json": evalsJson(cases, "assertions"),
    });
    const { jobId } = await h.client.evals.start.mutate({ source: { kind: "library", path: "dev/bisect" }, runs: 2 });
    const result = await evalResult(jobId);
    const { overall } = result.functional ?? {};
    expect([overall?.with.mean, overall?.without.mean, overall?.delta]).toEqual([0.5, 0.5, 0]);
    expect(result.usage.calls).toBe(8);
  });

  it("trigger evals: precision, recall, and the library skill whose description collides", async () => {
    await importSkill(
      "ops/postgres-backups",
      "Use when taking or restoring postgres database backups with pg_dump",
      {},
    );
    const triggers = [
      { query: "restore the postgres database backups from last night", should_trigger: true },
      { query: "schedule postgres database backups with pg_dump nightly", should_trigger: true },
      { query: "write a haiku about autumn", should_trigger: false },
    ];
    await importSkill("ops/db-restore", "Use when restoring postgres database backups after an incident", {
      "evals/trigger-evals.json": JSON.stringify(triggers),
    });
    const { jobId } = await h.client.evals.start.mutate({
      source: { kind: "library", path: "ops/db-restore" },
      runs: 1,
    });
    const result = await evalResult(jobId);
    expect(result.functional).toBeNull();
    const trigger = result.trigger;
    expect(trigger?.queries.map((q) => [q.triggered, q.others, q.none, q.passed])).toEqual([
      [1, [], 0, true],
      [0, ["postgres-backups"], 0, false],
      [0, [], 1, true],
    ]);
    expect([trigger?.precision, trigger?.recall]).toEqual([1, 0.5]);
    expect(trigger?.collisions).toEqual([{ skill: "postgres-backups", count: 1 }]);
    expect(result.usage.calls).toBe(3);
  });

  it("a malformed evals.json is refused with a typed error naming the file and field (no job)", async () => {
    const bad = JSON.stringify({ evals: [{ id: 1, prompt: "p", expectations: "not a list" }] });
    await importSkill("ops/bad-evals", "Use when testing bad evals", { "evals/evals.json": bad });
    const before = (await h.client.jobs.list.query({})).items.length;
    await expect(
      h.client.evals.start.mutate({ source: { kind: "library", path: "ops/bad-evals" } }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("evals/evals.json: evals.0.expectations: "),
      data: { code: "BAD_REQUEST" },
    });
    const missing = JSON.stringify({ evals: [{ id: 1, prompt: "p" }] });
    await importSkill("ops/no-checks", "Use when testing evals with no checks", { "evals/evals.json": missing });
    await expect(
      h.client.evals.start.mutate({ source: { kind: "library", path: "ops/no-checks" } }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("evals.0.expectations: a case needs `expectations`"),
      data: { code: "BAD_REQUEST" },
    });
    expect((await h.client.jobs.list.query({})).items.length).toBe(before);
  });

  it("stops with a clear message when the cap on model calls is reached", async () => {
    await importSkill("ops/capped", "Use when checking a capped release", {
      "evals/evals.json": evalsJson(HELPFUL_CASES),
    });
    h.useModel("scripted:happy", { SKILL_FLEET_EVAL_MAX_CALLS: "5" });
    try {
      const { jobId } = await h.client.evals.start.mutate({ source: { kind: "library", path: "ops/capped" } });
      const job = await waitForJob(h.client, jobId, FINISHED);
      expect(job.status).toBe("failed");
      expect(job.error).toContain("the cap of 5 model calls per eval job was reached");
      const steps = (await h.client.jobs.timeline.query({ jobId })).steps;
      expect(steps.filter((s) => s.status === "completed" && /\/(answer|judge)$/.test(s.key)).length).toBe(5);
    } finally {
      Reflect.deleteProperty(process.env, "SKILL_FLEET_EVAL_MAX_CALLS");
      h.useModel("scripted:happy");
    }
  });

  it("runs on a finished creation job's draft, next to it in the job history", async () => {
    const created = await h.client.skills.create.mutate({
      task: "Write a skill for checking a web release after deploy",
      options: { confirmPlan: false, previewContent: false, reviewValidation: false },
    });
    await waitForJob(h.client, created.jobId, FINISHED);
    const { jobId } = await h.client.evals.start.mutate({ source: { kind: "job", jobId: created.jobId }, runs: 1 });
    const result = await evalResult(jobId);
    expect(result.versionNumber).toBeNull();
    expect(result.functional?.cases.length).toBeGreaterThan(0);
    expect(result.trigger?.queries.length).toBeGreaterThan(0);
    const kinds = (await h.client.jobs.list.query({})).items.map((j) => j.workflow);
    expect(kinds).toEqual(expect.arrayContaining(["skill", "eval"]));
  });
});
