import { describe, expect, it } from "vitest";
import { sideText, triggerErrorsText } from "../../../contracts/eval-report";
import { evalResultSchema } from "../../../contracts/eval-result";

/** Eval results are stored as JSON (docs/evals.md): the ones stored before timeouts were told apart still read. */
const side = { mean: 0.5, sd: null, graded: 1, errors: 1 };
const run = {
  run: 1,
  status: "graded",
  passRate: 1,
  answer: "a",
  verdicts: [],
  failure: null,
  stage: null,
  error: null,
};
const query = { query: "q", shouldTrigger: true, triggered: 1, others: [], none: 0, errors: 1, passed: true };
const STORED_BEFORE_TIMEOUTS = {
  kind: "eval",
  skillPath: "ops/x",
  versionId: "v",
  versionNumber: 1,
  engine: "scripted:happy",
  runs: 2,
  functional: {
    cases: [
      { caseId: "1", prompt: "p", checks: [], with: side, without: side, delta: 0, runs: { with: [run], without: [] } },
    ],
    overall: { with: side, without: side, delta: 0 },
  },
  trigger: { queries: [query], precision: 1, recall: 1, collisions: [], errors: 1 },
  usage: { calls: 4, inputTokens: 1, outputTokens: 1, modelTimeMs: 1, costUsd: null, costUnknownCalls: 4 },
};

describe("eval results", () => {
  it("a result stored before timeouts were counted parses with 0 timeouts", () => {
    const parsed = evalResultSchema.parse(STORED_BEFORE_TIMEOUTS);
    expect(parsed.functional?.overall.with).toEqual({ ...side, timeouts: 0 });
    expect(parsed.functional?.cases[0]?.without.timeouts).toBe(0);
    expect(parsed.trigger?.timeouts).toBe(0);
    expect(parsed.trigger?.queries[0]?.timeouts).toBe(0);
  });

  it("the report says how many of the errors were timeouts, and nothing more when none was", () => {
    expect(sideText({ ...side, timeouts: 0 })).toBe("50% (1 errored)");
    expect(sideText({ mean: 1, sd: 0, graded: 2, errors: 3, timeouts: 2 })).toBe(
      "100% ± 0% (3 errored, 2 of them timed out)",
    );
    expect(triggerErrorsText({ errors: 1, timeouts: 0 })).toBe("1");
    expect(triggerErrorsText({ errors: 4, timeouts: 2 })).toBe("4 (2 timed out)");
  });
});
