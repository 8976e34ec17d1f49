import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSkillMd } from "@/server/skills/skill-md";
import { skillMd } from "../../support/library";
import { FINISHED, startWorkflowHarness, waitForJob, type WorkflowHarness } from "../../support/workflow-harness";

/**
 * Description tuning and comparing versions, over HTTP with the scripted model (dev/scripted/evals.ts): a skill is
 * chosen when its description shares three or more words with the query, and the scripted proposal adds the
 * training requests the description missed. Every request that should load the skill below shares no words with its
 * description, so some are held out whatever the split, and only a description learnt from the training ones can
 * get the held-out ones right.
 */
let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
  h.useModel("scripted:happy");
});
afterAll(async () => h.close());

const DESCRIPTION = "Use when a build is red";
const BODY = "\n# Flaky suites\n\n1. Rerun with `--retries=3` and read the trace.\n";
const SHOULD = ["nightly", "staging", "release", "local", "preview", "canary"].map(
  (where) => `playwright retries intermittent failures ${where} pipeline`,
);
const SHOULD_NOT = ["bake sourdough bread", "write a haiku about autumn", "plan a vacation itinerary", "sort socks"];
const TRIGGERS = [
  ...SHOULD.map((query) => ({ query, should_trigger: true })),
  ...SHOULD_NOT.map((query) => ({ query, should_trigger: false })),
];
const CASES = { evals: [{ id: 1, prompt: "The suite is flaky", expectations: ["Uses `--retries=3`"] }] };

async function importSkill(path: string, triggers: unknown[] = TRIGGERS, body = BODY): Promise<void> {
  const files = [
    { path: "SKILL.md", text: skillMd(path.split("/").at(-1) ?? "x", DESCRIPTION, body) },
    { path: "evals/trigger-evals.json", text: JSON.stringify(triggers) },
    { path: "evals/evals.json", text: JSON.stringify(CASES) },
  ];
  await h.client.library.import.mutate({ path, files });
}

async function finishedEval(input: Parameters<WorkflowHarness["client"]["evals"]["start"]["mutate"]>[0]) {
  const { jobId } = await h.client.evals.start.mutate({ runs: 1, ...input });
  await waitForJob(h.client, jobId, FINISHED);
  const got = await h.client.evals.get.query({ jobId });
  if (!got.result) throw new Error(`eval ${jobId} is ${got.status}: ${got.error}`);
  return { jobId, result: got.result };
}

const descriptionOf = (text: string | undefined) => String(parseSkillMd(text ?? "").frontmatter.description);

describe("description tuning", () => {
  it("proposes a description that gets the held-out requests right, learnt from the training ones only", async () => {
    await importSkill("ops/tune-propose");
    const { result } = await finishedEval({ source: { kind: "library", path: "ops/tune-propose" } });
    const tuning = result.tuning;
    if (!tuning?.proposal) throw new Error(`expected a proposal, got ${JSON.stringify(tuning)}`);
    expect(tuning.status).toBe("proposed");
    expect(tuning.split.test).toHaveLength(4); // 40% of each kind: 2 of 6 and 2 of 4
    expect(tuning.split.train).toHaveLength(6);
    expect(tuning.original).toMatchObject({ description: DESCRIPTION, trainScore: 0.3333, testScore: 0.5 });
    expect(tuning.candidates[0]).toMatchObject({ iteration: 1, trainScore: 1, testScore: 1, errors: 0 });
    // Learnt from the training misses only: no held-out request is quoted in it.
    for (const held of tuning.split.test) expect(tuning.proposal).not.toContain(held);
    for (const trained of tuning.split.train.filter((q) => SHOULD.includes(q)))
      expect(tuning.proposal).toContain(trained);
    expect(tuning.proposal.startsWith(DESCRIPTION)).toBe(true);
    // 4 functional calls (an answer and a judgement on each side), 10 trigger calls, then one attempt: a proposal
    // and 10 calls; the second attempt finds no training miss left and is not made.
    expect(result.usage.calls).toBe(4 + 10 + 1 + 10);
  });

  it("accepting saves a new version with the description, once; the body is untouched", async () => {
    await importSkill("ops/tune-accept");
    const { jobId, result } = await finishedEval({ source: { kind: "library", path: "ops/tune-accept" } });
    const decided = await h.client.evals.decideDescription.mutate({ jobId, decision: "accept" });
    expect(decided).toMatchObject({ decision: "accept", versionNumber: 2, description: result.tuning?.proposal });
    const saved = await h.client.library.get.query({ path: "ops/tune-accept" });
    const text = saved.files.find((f) => f.path === "SKILL.md")?.content;
    expect(descriptionOf(text)).toBe(result.tuning?.proposal);
    expect(parseSkillMd(text ?? "").body).toBe(BODY);
    await expect(h.client.evals.decideDescription.mutate({ jobId, decision: "reject" })).rejects.toMatchObject({
      message: "The proposed description was already accepted",
      data: { code: "CONFLICT" },
    });
    expect((await h.client.evals.get.query({ jobId })).decision).toMatchObject({ decision: "accept" });
    expect((await h.client.library.versions.query({ path: "ops/tune-accept" })).items.length).toBe(2);
  });

  it("refuses to accept onto a skill that moved on, records nothing, and still lets the user reject", async () => {
    await importSkill("ops/tune-stale");
    const { jobId } = await finishedEval({ source: { kind: "library", path: "ops/tune-stale" } });
    await h.client.library.save.mutate({
      path: "ops/tune-stale",
      baseVersion: 1,
      files: [{ path: "SKILL.md", text: skillMd("tune-stale", "Edited meanwhile", BODY) }],
      message: "edit",
    });
    await expect(h.client.evals.decideDescription.mutate({ jobId, decision: "accept" })).rejects.toMatchObject({
      data: { code: "CONFLICT" },
    });
    expect((await h.client.evals.get.query({ jobId })).decision).toBeNull();
    const rejected = await h.client.evals.decideDescription.mutate({ jobId, decision: "reject" });
    expect(rejected).toMatchObject({ decision: "reject", versionId: null, versionNumber: null });
    expect((await h.client.library.versions.query({ path: "ops/tune-stale" })).items.length).toBe(2);
  });

  it("accepting a job draft's proposal saves a new revision of the draft", async () => {
    const created = await h.client.skills.create.mutate({
      task: "Write a skill for taming flaky playwright suites",
      options: { confirmPlan: false, previewContent: false, reviewValidation: false },
    });
    await waitForJob(h.client, created.jobId, FINISHED);
    const draft = await h.client.drafts.get.query({ jobId: created.jobId });
    const files = [
      { path: "SKILL.md", text: skillMd(draft.skillPath.split("/").at(-1) ?? "x", DESCRIPTION, BODY) },
      { path: "evals/trigger-evals.json", text: JSON.stringify(TRIGGERS) },
    ];
    await h.client.drafts.save.mutate({ jobId: created.jobId, revision: draft.revision, files, message: "evals" });
    const { jobId, result } = await finishedEval({ source: { kind: "job", jobId: created.jobId } });
    expect(result.tuning?.status).toBe("proposed");
    const decided = await h.client.evals.decideDescription.mutate({ jobId, decision: "accept" });
    expect(decided.versionNumber).toBeNull();
    const after = await h.client.drafts.get.query({ jobId: created.jobId });
    expect(after.revision).toBe(draft.revision + 2);
    expect(descriptionOf(after.files.find((f) => f.path === "SKILL.md")?.content)).toBe(result.tuning?.proposal);
  });

  it("skips tuning with too few queries to hold some out, and does not tune when told not to", async () => {
    await importSkill("ops/tune-few", TRIGGERS.slice(0, 2));
    const few = await finishedEval({ source: { kind: "library", path: "ops/tune-few" } });
    expect(few.result.tuning).toMatchObject({ status: "skipped", candidates: [], proposal: null });
    expect(few.result.tuning?.reason).toMatch(/Too few trigger queries/);
    await expect(
      h.client.evals.decideDescription.mutate({ jobId: few.jobId, decision: "accept" }),
    ).rejects.toMatchObject({ data: { code: "BAD_REQUEST" } });
    await importSkill("ops/tune-off");
    const off = await finishedEval({ source: { kind: "library", path: "ops/tune-off" }, tune: false });
    expect(off.result.tuning).toBeNull();
    expect(off.result.usage.calls).toBe(4 + 10);
  });
});

describe("description tuning under the call cap", () => {
  it("does not start an attempt that would pass the cap: the eval completes with its figures", async () => {
    await importSkill("ops/tune-capped");
    // The functional and trigger evals need 14 calls; an attempt 11 more.
    h.useModel("scripted:happy", { SKILL_FLEET_EVAL_MAX_CALLS: "20" });
    try {
      const { result } = await finishedEval({ source: { kind: "library", path: "ops/tune-capped" } });
      expect(result.tuning).toMatchObject({ status: "kept", candidates: [], proposal: null });
      expect(result.tuning?.reason).toContain("another attempt (11 model calls) would pass the eval's caps");
      expect(result.usage.calls).toBe(14);
      expect(result.functional?.overall.with.mean).toBe(1);
    } finally {
      Reflect.deleteProperty(process.env, "SKILL_FLEET_EVAL_MAX_CALLS");
      h.useModel("scripted:happy");
    }
  });
});

describe("comparing two versions", () => {
  it("runs the baseline side with the older version instead of no skill", async () => {
    await importSkill("ops/compare", TRIGGERS, "\n# Flaky suites\n\n1. Read the trace.\n");
    await h.client.library.save.mutate({
      path: "ops/compare",
      baseVersion: 1,
      files: [
        { path: "SKILL.md", text: skillMd("compare", DESCRIPTION, BODY) },
        { path: "evals/evals.json", from: "evals/evals.json" },
      ],
      message: "retries",
    });
    const { result } = await finishedEval({
      source: { kind: "library", path: "ops/compare" },
      compareWith: 1,
      tune: false,
    });
    expect(result.baseline).toMatchObject({ kind: "version", versionNumber: 1 });
    const [onlyCase] = result.functional?.cases ?? [];
    expect(onlyCase?.with.mean).toBe(1);
    expect(onlyCase?.without.mean).toBe(0);
    // The older version was loaded: its answer follows that skill, not the generic no-skill answer.
    expect(onlyCase?.runs.without[0]?.answer).toContain("Read the trace.");
  });

  it("refuses to compare a version with itself or with one that does not exist", async () => {
    await importSkill("ops/compare-bad");
    const source = { kind: "library" as const, path: "ops/compare-bad" };
    await expect(h.client.evals.start.mutate({ source, compareWith: 1 })).rejects.toMatchObject({
      message: expect.stringContaining("compareWith: version 1 is the version under test"),
      data: { code: "BAD_REQUEST" },
    });
    await expect(h.client.evals.start.mutate({ source, compareWith: 9 })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
  });
});
