import { createHash } from "node:crypto";
import { percent } from "../../../contracts/eval-report";
import type { TriggerResult, TunedDescription, TuningResult } from "../../../contracts/eval-result";
import { proposeDescription } from "../../llm/steps/propose-description";
import type { EvalCalls } from "./eval-calls";
import type { TriggerQuery } from "./eval-files";
import { ratio, triggerSummary } from "./summary";
import { runTriggers, type SkillEntry } from "./trigger";

/**
 * Description tuning (docs/evals.md): the trigger queries are split into a training set and a held-out set; the
 * model proposes descriptions from the training set's misses only, every candidate is scored on both sets, and the
 * best by held-out score is proposed when it beats the current description there. The user accepts or rejects it.
 */
export const TUNE_ITERATIONS = 3;
/** The share of each kind of query (should / should not trigger) held out, as skill-creator's run loop does. */
export const HOLD_OUT = 0.4;

export interface QuerySplit {
  /** Indexes into the trigger queries. */
  train: number[];
  test: number[];
}

const orderKey = (query: string): string => createHash("sha256").update(query).digest("hex");

/**
 * A stratified split that never changes for the same queries (a replay after a restart sees the same one): within
 * each kind, queries are ordered by a hash of their text and the first 40% are held out. Null when too few.
 */
export function splitQueries(queries: TriggerQuery[]): QuerySplit | null {
  const split: QuerySplit = { train: [], test: [] };
  for (const kind of [true, false]) {
    const group = queries
      .map((query, index) => ({ index, key: orderKey(query.query), kind: query.shouldTrigger }))
      .filter((entry) => entry.kind === kind)
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((entry) => entry.index);
    const held = group.length >= 2 ? Math.max(1, Math.round(group.length * HOLD_OUT)) : 0;
    split.test.push(...group.slice(0, held));
    split.train.push(...group.slice(held));
  }
  if (split.train.length < 2 || split.test.length < 1) return null;
  return { train: split.train.sort((a, b) => a - b), test: split.test.sort((a, b) => a - b) };
}

function scoreOn(summary: TriggerResult, indexes: number[]): number | null {
  const graded = indexes.map((i) => summary.queries[i]?.passed ?? null).filter((p): p is boolean => p !== null);
  return ratio(graded.filter(Boolean).length, graded.length);
}

function scored(description: string, summary: TriggerResult, split: QuerySplit): TunedDescription {
  return {
    description,
    trainScore: scoreOn(summary, split.train),
    testScore: scoreOn(summary, split.test),
    errors: summary.errors,
  };
}

/** The training queries a description got wrong, with what the model loaded instead each time. */
function missesOf(summary: TriggerResult, split: QuerySplit, skillName: string) {
  return split.train.flatMap((index) => {
    const q = summary.queries[index];
    if (!q || q.passed !== false) return [];
    const chose = [...Array<string>(q.triggered).fill(skillName), ...q.others, ...Array<null>(q.none).fill(null)];
    return [{ query: q.query, shouldTrigger: q.shouldTrigger, chose }];
  });
}

const rank = (score: number | null): number => score ?? -1;

/** Better on held-out queries wins; on a tie, better on the training ones; on a tie again, the earlier one. */
function beats(a: TunedDescription, b: TunedDescription): boolean {
  if (rank(a.testScore) !== rank(b.testScore)) return rank(a.testScore) > rank(b.testScore);
  return rank(a.trainScore) > rank(b.trainScore);
}

export interface TuneInput {
  calls: EvalCalls;
  queries: TriggerQuery[];
  self: SkillEntry;
  others: SkillEntry[];
  runs: number;
  /** The trigger evals' result for the current description (scored on the same queries, so not run again). */
  current: TriggerResult;
  skillBody: string;
}

type Candidate = TuningResult["candidates"][number];

interface LoopOutcome {
  candidates: Candidate[];
  /** Why the loop stopped early, when it did. */
  stop: string | null;
}

interface Best {
  entry: TunedDescription;
  summary: TriggerResult;
}

/** One iteration: a proposal from the best description so far, scored on every query. */
async function iterate(input: TuneInput, split: QuerySplit, iteration: number, best: Best, attempts: Candidate[]) {
  const proposed = await input.calls.call(`tune#1/iteration-${iteration}/propose`, proposeDescription, {
    skillName: input.self.name,
    description: best.entry.description,
    skillBody: input.skillBody,
    misses: missesOf(best.summary, split, input.self.name),
    attempts: attempts.map((a) => ({ description: a.description, trainScore: a.trainScore ?? 0 })),
  });
  if (!proposed.ok) return { error: `the proposal of attempt ${iteration} failed: ${proposed.error}` };
  const description = proposed.output.description;
  const skills = [{ ...input.self, description }, ...input.others];
  const runs = await runTriggers(input.calls, input.queries, skills, input.runs, `tune#1/iteration-${iteration}`);
  const summary = triggerSummary(runs, input.self.name);
  return { candidate: { ...scored(description, summary, split), iteration }, summary };
}

async function tuneLoop(input: TuneInput, split: QuerySplit, original: TunedDescription): Promise<LoopOutcome> {
  const candidates: Candidate[] = [];
  let best: Best = { entry: original, summary: input.current };
  const cost = 1 + input.queries.length * input.runs;
  for (let iteration = 1; iteration <= TUNE_ITERATIONS; iteration++) {
    if (!missesOf(best.summary, split, input.self.name).length)
      return { candidates, stop: iteration === 1 ? "every training query was right: nothing to learn from" : null };
    if (!input.calls.fits(cost))
      return { candidates, stop: `another attempt (${cost} model calls) would pass the eval's caps` };
    const step = await iterate(input, split, iteration, best, candidates);
    if ("error" in step) return { candidates, stop: step.error ?? "the proposal failed" };
    candidates.push(step.candidate);
    if (rank(step.candidate.trainScore) > rank(best.entry.trainScore))
      best = { entry: step.candidate, summary: step.summary };
  }
  return { candidates, stop: null };
}

function verdict(original: TunedDescription, loop: LoopOutcome, split: QuerySplit): TuningResult {
  const winner = loop.candidates.reduce<Candidate | null>((w, c) => (w && !beats(c, w) ? w : c), null);
  const base = { split: { train: [], test: [] }, original, candidates: loop.candidates };
  const stopped = loop.stop ? ` (stopped early: ${loop.stop})` : "";
  if (winner && beats(winner, original))
    return {
      ...base,
      status: "proposed",
      reason: `Attempt ${winner.iteration} got ${percent(winner.testScore)} of the ${split.test.length} held-out queries right, against ${percent(original.testScore)} for the current description${stopped}`,
      proposal: winner.description,
    };
  const tried = loop.candidates.length;
  return {
    ...base,
    status: "kept",
    reason: `No description beat the current one on the ${split.test.length} held-out queries (${tried} tried)${stopped}`,
    proposal: null,
  };
}

export async function tuneDescription(input: TuneInput): Promise<TuningResult> {
  const split = splitQueries(input.queries);
  const texts = (indexes: number[]) => indexes.map((i) => input.queries[i]?.query ?? "");
  const all = input.queries.map((_, i) => i);
  const original = scored(input.self.description, input.current, split ?? { train: all, test: [] });
  const skipped = (reason: string): TuningResult => ({
    status: "skipped",
    reason,
    split: split ? { train: texts(split.train), test: texts(split.test) } : { train: texts(all), test: [] },
    original,
    candidates: [],
    proposal: null,
  });
  if (!split)
    return skipped("Too few trigger queries to hold some out: tuning needs at least 2 to train on and 1 held out");
  if (input.current.queries.every((q) => q.passed === true)) return skipped("Every trigger query was right");
  const loop = await tuneLoop(input, split, original);
  return { ...verdict(original, loop, split), split: { train: texts(split.train), test: texts(split.test) } };
}
