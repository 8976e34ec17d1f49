import type { RunView, SideSummary, TriggerResult, UsageSummary } from "../../../contracts/eval-result";
import type { CallCost } from "./eval-calls";
import type { CaseRuns, RunResult } from "./functional";
import type { QueryRuns } from "./trigger";

/** The figures of an eval (docs/evals.md): pure functions over the recorded runs, so a replay gives the same. */
const round = (value: number, places = 4): number => Number(value.toFixed(places));

export function meanAndSd(values: number[]): { mean: number | null; sd: number | null } {
  if (!values.length) return { mean: null, sd: null };
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  if (values.length < 2) return { mean: round(mean), sd: null };
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean: round(mean), sd: round(Math.sqrt(variance)) };
}

const passRate = (run: RunResult): number | null =>
  run.status === "graded" && run.verdicts.length
    ? run.verdicts.filter((v) => v.passed).length / run.verdicts.length
    : null;

const timedOut = (outcome: { status: string; failure?: string }): boolean =>
  outcome.status === "error" && outcome.failure === "timeout";

export function sideSummary(runs: RunResult[]): SideSummary {
  const rates = runs.map(passRate).filter((rate): rate is number => rate !== null);
  const errors = runs.filter((r) => r.status === "error").length;
  return { ...meanAndSd(rates), graded: rates.length, errors, timeouts: runs.filter(timedOut).length };
}

export const deltaOf = (a: SideSummary, b: SideSummary): number | null =>
  a.mean === null || b.mean === null ? null : round(a.mean - b.mean);

export function runView(run: RunResult, index: number): RunView {
  const rate = passRate(run);
  const base = { run: index + 1, status: run.status, passRate: rate === null ? null : round(rate) };
  if (run.status === "graded")
    return { ...base, answer: run.answer, verdicts: run.verdicts, failure: null, stage: null, error: null };
  return { ...base, answer: null, verdicts: [], failure: run.failure, stage: run.stage, error: run.error };
}

export function functionalSummary(cases: CaseRuns[]) {
  const views = cases.map((c) => {
    const withSkill = sideSummary(c.runs.with);
    const without = sideSummary(c.runs.without);
    return {
      caseId: c.caseId,
      prompt: c.prompt,
      checks: c.checks,
      with: withSkill,
      without,
      delta: deltaOf(withSkill, without),
      runs: { with: c.runs.with.map(runView), without: c.runs.without.map(runView) },
    };
  });
  const overallWith = sideSummary(cases.flatMap((c) => c.runs.with));
  const overallWithout = sideSummary(cases.flatMap((c) => c.runs.without));
  return {
    cases: views,
    overall: { with: overallWith, without: overallWithout, delta: deltaOf(overallWith, overallWithout) },
  };
}

export const ratio = (part: number, whole: number): number | null => (whole ? round(part / whole) : null);

function queryResult(q: QueryRuns, skillName: string) {
  const chosen = q.choices.flatMap((c) => (c.status === "chose" ? [c.skill] : []));
  const triggered = chosen.filter((s) => s === skillName).length;
  const passed = chosen.length
    ? q.shouldTrigger
      ? triggered * 2 > chosen.length
      : triggered * 2 < chosen.length
    : null;
  return {
    query: q.query,
    shouldTrigger: q.shouldTrigger,
    triggered,
    others: chosen.filter((s): s is string => s !== null && s !== skillName),
    none: chosen.filter((s) => s === null).length,
    errors: q.choices.length - chosen.length,
    passed,
    timeouts: q.choices.filter(timedOut).length,
  };
}

/** Precision and recall of this skill over every graded run; collisions are the others chosen where it should be. */
export function triggerSummary(queries: QueryRuns[], skillName: string): TriggerResult {
  const results = queries.map((q) => queryResult(q, skillName));
  const graded = (r: (typeof results)[number]) => r.triggered + r.others.length + r.none;
  const truePositives = results.filter((r) => r.shouldTrigger).reduce((n, r) => n + r.triggered, 0);
  const falsePositives = results.filter((r) => !r.shouldTrigger).reduce((n, r) => n + r.triggered, 0);
  const positives = results.filter((r) => r.shouldTrigger).reduce((n, r) => n + graded(r), 0);
  const collided = new Map<string, number>();
  for (const name of results.filter((r) => r.shouldTrigger).flatMap((r) => r.others))
    collided.set(name, (collided.get(name) ?? 0) + 1);
  return {
    queries: results,
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, positives),
    collisions: [...collided].map(([skill, count]) => ({ skill, count })).sort((a, b) => b.count - a.count),
    errors: results.reduce((n, r) => n + r.errors, 0),
    timeouts: results.reduce((n, r) => n + r.timeouts, 0),
  };
}

export function usageSummary(calls: CallCost[]): UsageSummary {
  const priced = calls.filter((c) => c.costUsd !== null);
  return {
    calls: calls.reduce((n, c) => n + c.attempts, 0),
    inputTokens: calls.reduce((n, c) => n + c.inputTokens, 0),
    outputTokens: calls.reduce((n, c) => n + c.outputTokens, 0),
    modelTimeMs: calls.reduce((n, c) => n + c.durationMs, 0),
    costUsd: priced.length
      ? round(
          priced.reduce((n, c) => n + (c.costUsd ?? 0), 0),
          6,
        )
      : null,
    costUnknownCalls: calls.length - priced.length,
  };
}
