import { metrics, type RunnerLoad } from "./metrics";

/** How one run of a job on a runner ended (docs/operations.md). */
export type JobRunOutcome = "completed" | "failed" | "cancelled" | "suspended" | "released";

/** One row of the per-scrape aggregate over the jobs table. */
export interface JobCountRow {
  workflow: string;
  status: string;
  count: number;
  waiting: number;
  oldestWaitingSeconds: number;
}

/**
 * A step key as a label: `understanding#2/requirements` → `understanding/requirements`, and
 * `functional#1/case-7/run-2/with` → `functional/with`. Rounds, case and run numbers would make a label value per
 * job; the phase and the step's own name are a small, fixed set.
 */
export function stepLabel(key: string): string {
  const segments = key.split("/");
  const phase = (segments[0] ?? "").replace(/#.*$/, "");
  const name = segments.length > 1 ? (segments.at(-1) ?? "") : "";
  const label = name ? `${phase}/${name}` : phase;
  return label.replace(/\d+/g, "N").slice(0, 80);
}

export function recordJobRun(workflow: string, outcome: JobRunOutcome, seconds: number): void {
  metrics().jobRuns.observe({ workflow, outcome }, seconds);
}

export function recordStep(workflow: string, key: string, ok: boolean, durationMs: number): void {
  metrics().steps.observe({ workflow, step: stepLabel(key), status: ok ? "completed" : "failed" }, durationMs / 1000);
}

/** A runner reports its queue at every scrape until it stops (several runners in one process add up). */
export function watchRunner(id: string, load: () => RunnerLoad): () => void {
  const { runners } = metrics();
  runners.set(id, load);
  return () => void runners.delete(id);
}

/** Replaces the database-backed gauges with one scrape's aggregate (statuses without jobs read 0, not stale). */
export function setJobCounts(rows: readonly JobCountRow[]): void {
  const { jobs, jobsWaiting, oldestWaiting } = metrics();
  const perWorkflow = new Map<string, { waiting: number; oldest: number }>();
  for (const row of rows) {
    const seen = perWorkflow.get(row.workflow) ?? { waiting: 0, oldest: 0 };
    perWorkflow.set(row.workflow, {
      waiting: seen.waiting + row.waiting,
      oldest: Math.max(seen.oldest, row.oldestWaitingSeconds),
    });
  }
  jobs.reset();
  jobsWaiting.reset();
  oldestWaiting.reset();
  for (const row of rows) jobs.set({ workflow: row.workflow, status: row.status }, row.count);
  for (const [workflow, { waiting, oldest }] of perWorkflow) {
    jobsWaiting.set({ workflow }, waiting);
    oldestWaiting.set({ workflow }, oldest);
  }
}
