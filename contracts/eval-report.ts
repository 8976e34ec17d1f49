import type { EvalResult, SideSummary, TunedDescription, TuningResult } from "./eval-result";

/**
 * An eval's figures as text (docs/evals.md), for the CLI and the web page alike: the benchmark table (with vs
 * without, per case and overall), the trigger precision, recall and collisions, and the usage.
 */
export const percent = (value: number | null): string => (value === null ? "n/a" : `${Math.round(value * 100)}%`);

/** `errors` counts every failed call, timeouts included, so the timeouts are said as a part of it. */
const ofThemTimedOut = (timeouts: number): string => (timeouts ? `, ${timeouts} of them timed out` : "");

export function sideText(side: SideSummary): string {
  const spread = side.sd === null ? "" : ` ± ${percent(side.sd)}`;
  const errors = side.errors ? ` (${side.errors} errored${ofThemTimedOut(side.timeouts)})` : "";
  return `${percent(side.mean)}${spread}${errors}`;
}

/** The trigger runs whose call failed, e.g. "2 (1 timed out)". */
export const triggerErrorsText = (trigger: Pick<NonNullable<EvalResult["trigger"]>, "errors" | "timeouts">): string =>
  `${trigger.errors}${trigger.timeouts ? ` (${trigger.timeouts} timed out)` : ""}`;

export const deltaText = (delta: number | null): string =>
  delta === null ? "n/a" : `${delta > 0 ? "+" : ""}${Math.round(delta * 100)} pts`;

function pad(cells: string[], widths: number[]): string {
  return cells
    .map((cell, i) => cell.padEnd(widths[i] ?? 0))
    .join("  ")
    .trimEnd();
}

function table(rows: string[][]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length)));
  return rows.map((row) => pad(row, widths));
}

/** What the baseline column is: no skill, or the older version the eval compared with. */
export const baselineLabel = (baseline: EvalResult["baseline"]): string =>
  baseline.kind === "version" ? `version ${baseline.versionNumber}` : "without";

function functionalLines(
  functional: NonNullable<EvalResult["functional"]>,
  baseline: EvalResult["baseline"],
): string[] {
  const rows = [
    ["case", "with skill", baselineLabel(baseline), "difference"],
    ...functional.cases.map((c) => [c.caseId, sideText(c.with), sideText(c.without), deltaText(c.delta)]),
    [
      "overall",
      sideText(functional.overall.with),
      sideText(functional.overall.without),
      deltaText(functional.overall.delta),
    ],
  ];
  return ["Pass rate (assertions passed per run, mean ± sd):", ...table(rows)];
}

function triggerLines(trigger: NonNullable<EvalResult["trigger"]>): string[] {
  const collisions = trigger.collisions.map((c) => `${c.skill} (${c.count})`).join(", ") || "none";
  const missed = trigger.queries.filter((q) => q.passed === false).map((q) => `  ✗ ${q.query}`);
  const errors = triggerErrorsText(trigger);
  return [
    `Triggers: precision ${percent(trigger.precision)}, recall ${percent(trigger.recall)}, errors ${errors}`,
    `Collides with: ${collisions}`,
    ...(missed.length ? ["Queries it got wrong:", ...missed] : []),
  ];
}

/** A description's scores: the share of training and of held-out trigger queries it got right. */
export const scoresText = (d: TunedDescription): string =>
  `train ${percent(d.trainScore)}, held out ${percent(d.testScore)}${d.errors ? `, ${d.errors} errors` : ""}`;

function tuningLines(tuning: TuningResult): string[] {
  const tried = tuning.candidates.map((c) => `  attempt ${c.iteration}: ${scoresText(c)}`);
  return [
    `Description tuning (${tuning.split.train.length} queries to train on, ${tuning.split.test.length} held out): ${tuning.reason}`,
    `  current: ${scoresText(tuning.original)}`,
    ...tried,
    ...(tuning.proposal
      ? ["Proposed description (accept or reject it on the eval's page):", `  ${tuning.proposal}`]
      : []),
  ];
}

export function usageLine(usage: EvalResult["usage"]): string {
  const cost =
    usage.costUsd === null
      ? "cost unknown"
      : `$${usage.costUsd.toFixed(4)}${usage.costUnknownCalls ? ` (+${usage.costUnknownCalls} calls of unknown cost)` : ""}`;
  const tokens = usage.inputTokens + usage.outputTokens;
  return `${usage.calls} model calls, ${tokens} tokens, ${(usage.modelTimeMs / 1000).toFixed(1)} s of model time, ${cost}`;
}

export function evalReport(result: EvalResult): string {
  const version = result.versionNumber === null ? "draft" : `version ${result.versionNumber}`;
  return [
    `Eval of ${result.skillPath} (${version}) on ${result.engine}, ${result.runs} runs per case`,
    ...(result.functional ? ["", ...functionalLines(result.functional, result.baseline)] : []),
    ...(result.trigger ? ["", ...triggerLines(result.trigger)] : []),
    ...(result.tuning ? ["", ...tuningLines(result.tuning)] : []),
    "",
    usageLine(result.usage),
  ].join("\n");
}
