import pLimit from "p-limit";
import { describe, expect, it } from "vitest";
import type { Json } from "../../../contracts/json";
import type { StepIo } from "../../../server/durable/engine";
import { answerEvalCase } from "../../../server/llm/steps/answer-eval-case";
import { EvalBudget, EvalCapReached } from "../../../server/workflows/eval/budget";
import { EvalCalls } from "../../../server/workflows/eval/eval-calls";
import { benchJob, memoryContext } from "../../bench/support/memory-context";

/** The caps of an eval job (docs/evals.md, Honest accounting): every request counted as it starts, tokens after. */
const CALL_CAP = "the cap of 3 model calls per eval job was reached (SKILL_FLEET_EVAL_MAX_CALLS)";

function capMessage(reserve: () => void): string {
  try {
    reserve();
  } catch (error) {
    if (error instanceof EvalCapReached) return error.message;
    throw error;
  }
  return "no cap reached";
}

describe("EvalBudget", () => {
  it("counts every request as it starts and refuses the one that would pass the call cap", () => {
    const budget = new EvalBudget({ maxCalls: 3, maxTokens: 1_000 });
    for (let i = 0; i < 3; i++) budget.startRequest();
    expect(capMessage(() => budget.startRequest())).toBe(`Eval stopped: ${CALL_CAP}`);
    // The refused request was not counted: the tally is what was really sent.
    expect(budget.used).toEqual({ calls: 3, tokens: 0 });
  });

  it("check() refuses like startRequest() but counts nothing", () => {
    const budget = new EvalBudget({ maxCalls: 1, maxTokens: 1_000 });
    budget.check();
    budget.check();
    expect(budget.used).toEqual({ calls: 0, tokens: 0 });
    budget.startRequest();
    expect(capMessage(() => budget.check())).toContain("the cap of 1 model calls");
  });

  it("the token cap stops the next request once reached, not the requests already sent", () => {
    const budget = new EvalBudget({ maxCalls: 10, maxTokens: 100 });
    budget.startRequest();
    budget.startRequest();
    budget.addTokens(99);
    budget.startRequest(); // 99 < 100: one more may start
    budget.addTokens(5); // it finishes past the cap: it was allowed to start, its tokens count
    expect(capMessage(() => budget.startRequest())).toBe(
      "Eval stopped: the cap of 100 tokens per eval job was reached after 104 tokens (SKILL_FLEET_EVAL_MAX_TOKENS)",
    );
    expect(budget.used).toEqual({ calls: 3, tokens: 104 });
  });

  it("calls recorded from the store (a replay) count their requests and tokens against both caps", () => {
    const calls = new EvalBudget({ maxCalls: 3, maxTokens: 1_000 });
    calls.record(3, 0);
    expect(capMessage(() => calls.startRequest())).toContain(CALL_CAP);
    const tokens = new EvalBudget({ maxCalls: 3, maxTokens: 1_000 });
    tokens.record(1, 1_000);
    expect(capMessage(() => tokens.startRequest())).toContain("after 1000 tokens");
  });
});

describe("EvalCalls on a replay", () => {
  const stored = (inputTokens: number, outputTokens: number, attempts: number): Json => ({
    ok: true,
    output: { answer: "replayed" },
    inputTokens,
    outputTokens,
    durationMs: 5,
    costUsd: null,
    attempts,
  });

  it("records each finished call read back from the store, so the next call meets the same caps", async () => {
    const store = new Map<string, Json>([
      ["functional#1/a/answer", stored(300, 200, 2)],
      ["functional#1/b/answer", stored(400, 100, 1)],
    ]);
    let ran = 0;
    const io: StepIo = { signal: new AbortController().signal, reportUsage() {}, reportCall() {}, note() {} };
    const ctx = {
      ...memoryContext(benchJob("eval", {})),
      // A replaying engine: a stored step returns its output without running; any other runs now.
      run: async <T extends Json>(key: string, fn: (io: StepIo) => Promise<T>): Promise<T> =>
        (store.get(key) as T | undefined) ?? (ran++, fn(io)),
    };
    const budget = new EvalBudget({ maxCalls: 10, maxTokens: 1_000 });
    const calls = new EvalCalls(ctx, budget, pLimit(1));
    const input = { prompt: "p", skill: null };
    for (const key of store.keys())
      await expect(calls.call(key, answerEvalCase, input)).resolves.toMatchObject({ ok: true });
    expect(calls.used).toEqual({ calls: 3, tokens: 1_000 });
    // The next call is refused before it reaches a model (none is configured here).
    await expect(calls.call("functional#1/c/answer", answerEvalCase, input)).rejects.toThrow(
      "the cap of 1000 tokens per eval job was reached after 1000 tokens",
    );
    expect(ran).toBe(1);
  });
});
