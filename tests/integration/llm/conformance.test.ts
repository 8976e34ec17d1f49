import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startProviderStub, type Mode, type ModeCall, type ProviderStub } from "../../support/provider-stub/index";
import { referenceAnswers } from "../../support/provider-stub/step-answer";
import type { AnswerFn } from "../../support/provider-stub/types";
import { strictSchemaProblems } from "../../support/openai-strict-rules";
import {
  FINISHED,
  importEvalSkill,
  startWorkflowHarness,
  waitForJob,
  type JobView,
  type WorkflowHarness,
} from "../../support/workflow-harness";

/**
 * The provider conformance matrix (docs/models.md, Conformance): a skill job over real HTTP against a stub provider
 * speaking each wire protocol the product uses — OpenAI Chat Completions (the openai-compatible provider: Ollama,
 * vLLM, llama.cpp, LM Studio), the OpenAI Responses API (the openai provider) and Anthropic Messages — in each fault
 * mode a real server shows. For every cell: how the job ends, how many requests each step made (against a clean run's
 * counts), and that nothing the offline engine wrote is labelled as the model's work.
 */
const TASK = "Create a skill for debugging flaky Playwright tests in CI pipelines, with traces and retries";

interface ProviderCase {
  name: string;
  spec: string;
  env: (url: string) => Record<string, string>;
  strict: boolean;
  reportsUsageAlways: boolean;
}

const PROVIDERS: ProviderCase[] = [
  {
    name: "Chat Completions (openai-compatible)",
    spec: "openai-compatible:stub-model",
    env: (url) => ({ SKILL_FLEET_LLM_BASE_URL: `${url}/v1` }),
    strict: true,
    reportsUsageAlways: false,
  },
  {
    name: "Responses API (openai)",
    spec: "openai:gpt-4.1-mini",
    env: (url) => ({ OPENAI_API_KEY: "sk-stub", SKILL_FLEET_OPENAI_BASE_URL: `${url}/v1` }),
    strict: true,
    reportsUsageAlways: false,
  },
  {
    name: "Anthropic Messages",
    spec: "anthropic:claude-sonnet-4-5",
    env: (url) => ({ ANTHROPIC_API_KEY: "sk-ant-stub", SKILL_FLEET_ANTHROPIC_BASE_URL: `${url}/v1` }),
    strict: false,
    reportsUsageAlways: true,
  },
];

let h: WorkflowHarness;
let stub: ProviderStub | undefined;
let answers: AnswerFn;

beforeAll(async () => {
  // About 40 jobs in a few minutes: past the per-user creation limit, which is not what this suite measures.
  process.env.SKILL_FLEET_RATE_JOBS_PER_MINUTE = "100000";
  h = await startWorkflowHarness();
  // The reference run: the same task on the in-process scripted model; its step outputs are the stub's answers.
  h.useModel("scripted:happy");
  const { jobId } = await h.client.skills.create.mutate({ task: TASK, options: { streamTokens: true } });
  const reference = await waitForJob(h.client, jobId, FINISHED, 60_000);
  if (reference.status !== "completed") throw new Error(`the reference run ended ${reference.status}`);
  answers = referenceAnswers((await h.client.jobs.timeline.query({ jobId })).steps);
}, 120_000);
afterAll(async () => {
  await h?.close();
  delete process.env.SKILL_FLEET_RATE_JOBS_PER_MINUTE;
});
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

type Chooser = (call: ModeCall) => Mode;
const always =
  (mode: Mode): Chooser =>
  () =>
    mode;
/** `mode` on the first `times` requests of `step`, good otherwise. */
const onStep =
  (step: string, mode: Mode, times = 1): Chooser =>
  (call) =>
    call.step === step && call.stepIndex < times ? mode : "good";

async function runJob(
  provider: ProviderCase,
  mode: Chooser,
  options: { strictCheck?: (schema: Record<string, unknown>) => string[]; env?: Record<string, string> } = {},
): Promise<{ job: JobView; requests: Map<string, number>; stub: ProviderStub }> {
  stub = await startProviderStub({ answer: answers, retryAfterSeconds: 0.05, slowMs: 30, ...options });
  stub.setMode(mode);
  h.useModel(provider.spec, { ...provider.env(stub.url), ...options.env });
  const { jobId } = await h.client.skills.create.mutate({ task: TASK, options: { streamTokens: true } });
  const job = await waitForJob(h.client, jobId, FINISHED, 60_000);
  const requests = new Map<string, number>();
  for (const r of stub.requests) requests.set(r.step ?? "?", (requests.get(r.step ?? "?") ?? 0) + 1);
  return { job, requests, stub };
}

/** Model steps of the timeline with their provenance. */
async function modelSteps(jobId: string) {
  const { steps, totals } = await h.client.jobs.timeline.query({ jobId });
  return { steps: steps.filter((s) => s.provenance !== null), totals };
}

/** The request counts of a run, with `step` given `extra` more than the clean run. */
function expectCounts(actual: Map<string, number>, clean: Map<string, number>, changed: Record<string, number> = {}) {
  const expected = new Map(clean);
  for (const [step, extra] of Object.entries(changed)) expected.set(step, (clean.get(step) ?? 0) + extra);
  expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
}

describe.each(PROVIDERS)("provider conformance: $name", (provider) => {
  let clean: Map<string, number>;

  it("good: the job completes on model output at every step, one request each", async () => {
    const { job, requests } = await runJob(provider, always("good"));
    expect(job.status, job.error ?? "").toBe("completed");
    expect(job.result?.fellBack).toEqual([]);
    const { steps, totals } = await modelSteps(job.id);
    expect(steps.length).toBeGreaterThan(5);
    for (const step of steps) {
      expect(step.provenance, step.key).toMatchObject({ source: "model", engine: provider.spec, strictDropped: false });
      expect(step.provenance?.requests.map((r) => r.outcome)).toEqual(["ok"]);
    }
    expect(totals.totalTokens).toBeGreaterThan(0);
    clean = requests;
    expect([...requests.values()].every((n) => n >= 1)).toBe(true);
  });

  it.each<[string, Mode]>([
    ["fenced", "fenced"],
    ["prose", "prose"],
    ["slow", "slow"],
  ])("%s replies: the job completes with no re-ask (the same requests as a clean run)", async (_label, mode) => {
    const { job, requests } = await runJob(provider, always(mode));
    expect(job.status, job.error ?? "").toBe("completed");
    expectCounts(requests, clean);
    const { steps } = await modelSteps(job.id);
    expect(steps.every((s) => s.provenance?.source === "model")).toBe(true);
  });

  it("wrong types on every plan reply: 3 requests, the plan falls back, the job waits for review naming it", async () => {
    const { job, requests } = await runJob(provider, onStep("synthesizePlan", "wrong-types", 99));
    expectCounts(requests, clean, { synthesizePlan: 2 });
    expect(job.status).toBe("pending_review");
    expect(job.result?.passed).toBe(false);
    expect(job.result?.reviewReason).toContain("synthesizePlan");
    expect(job.result?.fellBack.map((f) => f.step)).toEqual(["synthesizePlan"]);
    const { steps } = await modelSteps(job.id);
    const plan = steps.find((s) => s.provenance?.step === "synthesizePlan");
    expect(plan?.provenance).toMatchObject({ source: "fallback" });
    expect(plan?.provenance?.requests.map((r) => [r.kind, r.outcome])).toEqual([
      ["ask", "invalid-reply"],
      ["reask", "invalid-reply"],
      ["reask", "invalid-reply"],
    ]);
    expect(steps.filter((s) => s.provenance?.source === "fallback")).toHaveLength(1);
  });

  it("an empty reply: one re-ask", async () => {
    const { job, requests } = await runJob(provider, onStep("analyzeIntent", "empty"));
    expect(job.status, job.error ?? "").toBe("completed");
    expectCounts(requests, clean, { analyzeIntent: 1 });
  });

  it("a reply cut at the output limit: one retry with twice the budget", async () => {
    const { job, requests, stub: s } = await runJob(provider, onStep("generateContent", "truncated"));
    expect(job.status, job.error ?? "").toBe("completed");
    expectCounts(requests, clean, { generateContent: 1 });
    const content = await modelSteps(job.id);
    const step = content.steps.find((x) => x.provenance?.step === "generateContent");
    expect(step?.provenance?.requests.map((r) => [r.kind, r.outcome])).toEqual([
      ["ask", "cut"],
      ["larger-budget", "ok"],
    ]);
    const bodies = s.requests.filter((r) => r.step === "generateContent").map((r) => JSON.stringify(r.body));
    expect(bodies[1]).toMatch(/"max_(output_)?tokens|max_completion_tokens/);
  });

  it("a reply cut every time: the job fails saying the reply was cut, at the content step", async () => {
    const { job, requests } = await runJob(provider, onStep("generateContent", "truncated", 99));
    expect(job.status).toBe("failed");
    expect(job.error).toContain("generateContent");
    expect(job.error).toContain("cut off at its output limit");
    expect(requests.get("generateContent")).toBe(2);
  });

  it.each<[string, Mode]>([
    ["429 with Retry-After", "rate-limited"],
    ["500", "server-error"],
  ])("a %s: one retry", async (_label, mode) => {
    const { job, requests } = await runJob(provider, onStep("analyzeIntent", mode));
    expect(job.status, job.error ?? "").toBe("completed");
    expectCounts(requests, clean, { analyzeIntent: 1 });
    const { steps } = await modelSteps(job.id);
    const intent = steps.find((s) => s.provenance?.step === "analyzeIntent");
    expect(intent?.provenance?.requests.map((r) => r.kind)).toEqual(["ask", "retry"]);
    expect(intent?.provenance?.source).toBe("model");
  });

  it("a request that hangs past the timeout: retried once, then the job completes", async () => {
    const { job, requests } = await runJob(provider, onStep("generateContent", "hang"), {
      env: { SKILL_FLEET_LLM_TIMEOUT_MS: "3000" },
    });
    expect(job.status, job.error ?? "").toBe("completed");
    expectCounts(requests, clean, { generateContent: 1 });
  });

  it("a server that enforces strict schemas: every step is model output, none refused", async () => {
    const {
      job,
      requests,
      stub: s,
    } = await runJob(provider, always("strict-400"), {
      strictCheck: strictSchemaProblems,
    });
    expect(job.status, job.error ?? "").toBe("completed");
    expectCounts(requests, clean);
    expect(s.requests.every((r) => r.strict === provider.strict)).toBe(true);
    const { steps } = await modelSteps(job.id);
    expect(steps.every((x) => x.provenance?.source === "model" && !x.provenance.strictDropped)).toBe(true);
  });

  it("a server that refuses strict mode outright: each step asked once more without it, recorded", async () => {
    const { job, requests } = await runJob(provider, always("strict-400"), {
      strictCheck: () => ["strict mode is not supported by this server"],
    });
    expect(job.status, job.error ?? "").toBe("completed");
    const { steps } = await modelSteps(job.id);
    if (!provider.strict) {
      expectCounts(requests, clean);
      return;
    }
    expect([...requests.values()].reduce((a, b) => a + b)).toBe(2 * [...clean.values()].reduce((a, b) => a + b));
    expect(steps.every((x) => x.provenance?.strictDropped && x.provenance.source === "model")).toBe(true);
    expect(steps[0]?.provenance?.requests.map((r) => [r.kind, r.outcome])).toEqual([
      ["ask", "schema-refused"],
      ["without-strict", "ok"],
    ]);
  });

  it("no usage reported: the tokens are unknown, not 0", async () => {
    if (provider.reportsUsageAlways) return; // the Messages API always reports usage; its SDK refuses a reply without
    const { job } = await runJob(provider, always("no-usage"));
    expect(job.status, job.error ?? "").toBe("completed");
    const { steps, totals } = await modelSteps(job.id);
    expect(totals.totalTokens).toBeNull();
    expect(steps.every((s) => s.provenance?.tokens.total === null)).toBe(true);
  });
});

describe("an eval's caps over HTTP", () => {
  it("a 500 on every answer: the eval stops at its call cap, every request (retries too) counted", async () => {
    await importEvalSkill(h.client, "ops/capped-over-http", {
      description: "Use when checking a release over HTTP",
      body: "\n# Release checks\n\n1. Wait for `kubectl rollout status deployment/web`.\n",
      cases: [1, 2, 3, 4, 5].map((id) => ({
        id,
        prompt: `Check deploy ${id}`,
        expectations: ["Waits for the rollout"],
      })),
    });
    stub = await startProviderStub({ mode: "server-error" });
    const provider = PROVIDERS[0] as ProviderCase;
    h.useModel(provider.spec, { ...provider.env(stub.url), SKILL_FLEET_EVAL_MAX_CALLS: "10" });
    try {
      const { jobId } = await h.client.evals.start.mutate({
        source: { kind: "library", path: "ops/capped-over-http" },
      });
      const job = await waitForJob(h.client, jobId, FINISHED, 60_000);
      expect(job.status).toBe("failed");
      expect(job.error).toContain("the cap of 10 model calls per eval job was reached");
      // Each answer is asked once and retried 3 times: 10 requests reached the server, not one more.
      expect(stub.requests).toHaveLength(10);
    } finally {
      Reflect.deleteProperty(process.env, "SKILL_FLEET_EVAL_MAX_CALLS");
    }
  });
});
