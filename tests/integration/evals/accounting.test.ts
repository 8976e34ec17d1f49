import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { evalReport } from "@/contracts/eval-report";
import type { EvalResult } from "@/contracts/eval-result";
import { evalScript } from "@/dev/scripted/evals";
import { createScriptedModel } from "@/dev/scripted/model";
import type { ScriptedCall, ScriptedReply, StepScript } from "@/dev/scripted/replies";
import { overrideModelsForTests } from "@/server/llm/models";
import { answerEvalCase } from "@/server/llm/steps/answer-eval-case";
import { skillMd } from "../../support/library";
import { FINISHED, startWorkflowHarness, waitForJob, type WorkflowHarness } from "../../support/workflow-harness";

/**
 * The honest accounting of an eval job (docs/evals.md): the token cap stops the job before the next model call,
 * naming the tokens spent; timeouts and errors are counted apart from failed assertions and from "did not trigger".
 * The model is the scripted one, with scripts that count the calls it started or never answer.
 */
let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
  h.useModel("scripted:happy");
});
afterEach(() => overrideModelsForTests());
afterAll(async () => h.close());

const BODY = "\n# Release checks\n\n1. Roll back with `kubectl rollout undo deployment/web`.\n";
const CHECK = "Uses `kubectl rollout undo`";

async function importSkill(path: string, description: string, cases: string[], triggers: object[] = []) {
  const evals = cases.map((prompt, i) => ({ id: i + 1, prompt, expectations: [CHECK] }));
  const files = [
    { path: "SKILL.md", text: skillMd(path.split("/").at(-1) ?? "x", description, BODY) },
    { path: "evals/evals.json", text: JSON.stringify({ evals }) },
  ];
  if (triggers.length) files.push({ path: "evals/trigger-evals.json", text: JSON.stringify(triggers) });
  await h.client.library.import.mutate({ path, files });
}

/** Runs `body` with these settings on top of the scripted model, then puts the defaults back. */
async function withSettings<T>(settings: Record<string, string>, body: () => Promise<T>): Promise<T> {
  h.useModel("scripted:happy", settings);
  try {
    return await body();
  } finally {
    for (const key of Object.keys(settings)) Reflect.deleteProperty(process.env, key);
    h.useModel("scripted:happy");
  }
}

/**
 * The scripted model's usage for one answer (dev/scripted/model.ts): a token per 4 characters, rounded up, of the
 * prompt as the AI SDK hands it over (the system text, then the user's) and of the reply (the answer's JSON).
 */
function scriptedTokens(input: unknown, reply: unknown): number {
  const { system, prompt } = answerEvalCase.prompt(answerEvalCase.input.parse(input));
  const sent = [
    { role: "system", content: system },
    { role: "user", content: [{ type: "text", text: prompt }] },
  ];
  return Math.ceil(JSON.stringify(sent).length / 4) + Math.ceil(JSON.stringify(reply).length / 4);
}

/** An eval job run to its end under a token cap, one call at once, with every model call the model started. */
async function cappedRun(path: string, maxTokens: number) {
  const started: string[] = [];
  const counting: StepScript = (call) => (started.push(call.step), evalScript(call));
  overrideModelsForTests(() => createScriptedModel({ description: "token cap", steps: {}, everyStep: counting }));
  // One call at once: the tokens known when the next call asks to start are then exactly those of every call before.
  const settings = { SKILL_FLEET_EVAL_MAX_TOKENS: String(maxTokens), SKILL_FLEET_EVAL_CONCURRENCY: "1" };
  return withSettings(settings, async () => {
    const { jobId } = await h.client.evals.start.mutate({ source: { kind: "library", path }, runs: 1 });
    const job = await waitForJob(h.client, jobId, FINISHED);
    const steps = await h.db.prisma.jobStep.findMany({ where: { jobId }, orderBy: { startedAt: "asc" } });
    const calls = steps.filter((s) => s.status === "completed" && /\/(answer|judge)$/.test(s.key));
    const tokens = calls.map((s) => {
      const outcome = s.output as { output: unknown; inputTokens: number; outputTokens: number };
      return {
        recorded: outcome.inputTokens + outcome.outputTokens,
        expected: scriptedTokens(s.input, outcome.output),
      };
    });
    return { job, started, keys: calls.map((s) => s.key), tokens };
  });
}

const capMessage = (cap: number, spent: number) =>
  `Eval stopped: the cap of ${cap} tokens per eval job was reached after ${spent} tokens (SKILL_FLEET_EVAL_MAX_TOKENS)`;

describe("the token cap", () => {
  it("stops the job before the next model call once reached, naming the cap and the tokens spent", async () => {
    await importSkill("ops/token-capped", "Use when checking a release", ["Undo the broken deploy"]);
    // A cap of 1 token: the first call starts (nothing spent yet); what it spent stops the second.
    const first = await cappedRun("ops/token-capped", 1);
    expect(first.job.status).toBe("failed");
    expect(first.started).toEqual(["answerEvalCase"]);
    expect(first.keys).toEqual(["functional#1/case-1/run-1/with/answer"]);
    const [one] = first.tokens;
    expect(one?.recorded).toBe(one?.expected);
    expect(first.job.error).toContain(capMessage(1, one?.expected ?? NaN));

    // A cap one token above that call: the same first call leaves room for one more, which reaches the cap.
    const cap = (one?.expected ?? NaN) + 1;
    const second = await cappedRun("ops/token-capped", cap);
    expect(second.job.status).toBe("failed");
    expect(second.started).toEqual(["answerEvalCase", "answerEvalCase"]);
    expect(second.keys).toEqual(["functional#1/case-1/run-1/with/answer", "functional#1/case-1/run-1/without/answer"]);
    expect(second.tokens.map((t) => t.recorded)).toEqual(second.tokens.map((t) => t.expected));
    const spent = second.tokens.reduce((n, t) => n + t.expected, 0);
    expect(spent).toBeGreaterThanOrEqual(cap);
    expect(second.job.error).toContain(capMessage(cap, spent));
  });
});

/** A script that never answers (until the call's timeout aborts it) or fails, for inputs that carry a marker. */
function unreliable(text: (call: ScriptedCall) => string): StepScript {
  const hang: ScriptedReply = { kind: "hang" };
  const fail: ScriptedReply = { kind: "throw", message: "scripted: the model is overloaded" };
  return (call) => (text(call).includes("[hang]") ? hang : text(call).includes("[fail]") ? fail : evalScript(call));
}

function unreliableModel(): void {
  // Only with the skill loaded, so the without side stays fully graded.
  const answer = unreliable((call) => {
    const input = call.input as { prompt?: string; skill?: unknown };
    return input.skill ? (input.prompt ?? "") : "";
  });
  const choose = unreliable((call) => (call.input as { query?: string }).query ?? "");
  const model = createScriptedModel({
    description: "timeouts and errors",
    steps: { answerEvalCase: answer, chooseSkill: choose },
  });
  overrideModelsForTests(() => model);
}

const TRIGGERS = [
  { query: "restore the postgres database backups from last night", should_trigger: true },
  { query: "restore postgres database backups now [hang]", should_trigger: true },
  { query: "restore postgres database backups today [fail]", should_trigger: true },
  { query: "write a haiku about autumn", should_trigger: false },
];

/** The eval of a skill whose answers (with it loaded) and trigger runs time out or fail when marked so. */
async function unreliableEval(): Promise<EvalResult> {
  await importSkill(
    "ops/unreliable",
    "Use when restoring postgres database backups after an incident",
    ["Undo the broken deploy", "Undo it again [hang]", "Undo it once more [fail]"],
    TRIGGERS,
  );
  unreliableModel();
  return withSettings({ SKILL_FLEET_LLM_TIMEOUT_MS: "2000" }, async () => {
    const { jobId } = await h.client.evals.start.mutate({
      source: { kind: "library", path: "ops/unreliable" },
      runs: 2,
    });
    const job = await waitForJob(h.client, jobId, FINISHED);
    const { result } = await h.client.evals.get.query({ jobId });
    if (job.status !== "completed" || !result) throw new Error(`the eval is ${job.status}: ${job.error}`);
    return result;
  });
}

const errorRun = (failure: string) => ({ status: "error", failure, stage: "answer", passRate: null, answer: null });

describe("timeouts and errors", () => {
  let result: EvalResult;
  beforeAll(async () => {
    result = await unreliableEval();
  });

  it("functional: a timed-out or failed run is counted in errors and left out of the pass rate", () => {
    const cases = result.functional?.cases ?? [];
    expect(cases.map((c) => c.with)).toEqual([
      { mean: 1, sd: 0, graded: 2, errors: 0, timeouts: 0 },
      { mean: null, sd: null, graded: 0, errors: 2, timeouts: 2 },
      { mean: null, sd: null, graded: 0, errors: 2, timeouts: 0 },
    ]);
    expect(cases[1]?.runs.with).toMatchObject([errorRun("timeout"), errorRun("timeout")]);
    // A timeout is tried again once (a cold model), so a run that times out made 2 requests.
    expect(cases[1]?.runs.with[0]?.error).toBe(
      "Step answerEvalCase: the model did not answer within 2000 ms (2 requests)",
    );
    expect(cases[2]?.runs.with).toMatchObject([errorRun("error"), errorRun("error")]);
    // The mean is over the graded runs only: 1, not the 2 ÷ 6 it would be if the failed runs counted as failing.
    expect(result.functional?.overall).toEqual({
      with: { mean: 1, sd: 0, graded: 2, errors: 4, timeouts: 2 },
      without: { mean: 0, sd: 0, graded: 6, errors: 0, timeouts: 0 },
      delta: 1,
    });
    // Every request counted, failed ones included: 12 answers, 8 judges, 8 trigger runs, and the second request of
    // each of the 4 runs that timed out (2 answers, 2 trigger runs).
    expect(result.usage.calls).toBe(32);
  });

  it("triggers: a timed-out or failed run is counted in errors, never as 'did not trigger'", () => {
    const trigger = result.trigger;
    expect(trigger?.queries.map((q) => [q.triggered, q.none, q.errors, q.timeouts, q.passed])).toEqual([
      [2, 0, 0, 0, true],
      [0, 0, 2, 2, null],
      [0, 0, 2, 0, null],
      [0, 2, 0, 0, true],
    ]);
    // Recall over the runs that chose: 2 of 2, not 2 of 6 as it would be if the failed runs had not triggered.
    expect(trigger).toMatchObject({ precision: 1, recall: 1, errors: 4, timeouts: 2 });
  });

  it("the report says how many of the errors were timeouts", () => {
    const report = evalReport(result);
    expect(report).toContain("overall  100% ± 0% (4 errored, 2 of them timed out)  0% ± 0%");
    expect(report).toContain("errors 4 (2 timed out)");
  });
});
