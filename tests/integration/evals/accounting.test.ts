import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { evalScript } from "@/dev/scripted/evals";
import { createScriptedModel } from "@/dev/scripted/model";
import type { StepScript } from "@/dev/scripted/replies";
import { overrideModelsForTests } from "@/server/llm/models";
import { answerEvalCase } from "@/server/llm/steps/answer-eval-case";
import { skillMd } from "../../support/library";
import { FINISHED, startWorkflowHarness, waitForJob, type WorkflowHarness } from "../../support/workflow-harness";

/**
 * The honest accounting of an eval job (docs/evals.md): the token cap stops the job before the next model call,
 * naming the tokens spent. The model is the scripted one, with a script that counts the calls it started.
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

async function importSkill(path: string, description: string, cases: string[]) {
  const evals = cases.map((prompt, i) => ({ id: i + 1, prompt, expectations: [CHECK] }));
  const files = [
    { path: "SKILL.md", text: skillMd(path.split("/").at(-1) ?? "x", description, BODY) },
    { path: "evals/evals.json", text: JSON.stringify({ evals }) },
  ];
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
