import fs from "node:fs";

/**
 * One figure of `npm run bench`: what was measured, the baseline measured in the same run to compare it with, and the
 * goal it is held to. Each bench script reports its figures here; tests/bench/run.ts prints them all as one table and
 * writes bench-results.json (docs/performance.md).
 */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** The goal as the table states it, and whether this run met it. */
  goal?: { text: string; met: boolean };
  note?: string;
}

const round = (value: number): number => (Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100);

/** `value ÷ baseline`, the ratio the table shows. */
export const ratioOf = (figure: Pick<Figure, "value" | "baseline">): number | null =>
  figure.baseline && figure.baseline.value !== 0 ? figure.value / figure.baseline.value : null;

export function report(figure: Figure): void {
  const tidy: Figure = {
    ...figure,
    value: round(figure.value),
    ...(figure.baseline ? { baseline: { ...figure.baseline, value: round(figure.baseline.value) } } : {}),
  };
  const file = process.env.BENCH_FIGURES;
  if (file) fs.appendFileSync(file, `${JSON.stringify(tidy)}\n`);
  const against = tidy.baseline ? ` (baseline ${tidy.baseline.name}: ${tidy.baseline.value})` : "";
  console.log(`  ${tidy.name}: ${tidy.value} ${tidy.unit}${against}${tidy.goal ? ` [goal ${tidy.goal.text}]` : ""}`);
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Runs `task(i)` for i < count with `concurrency` workers; returns the elapsed milliseconds. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return performance.now() - started;
}

export const perSecond = (count: number, ms: number): number => (count / ms) * 1000;

/** Server settings every bench adds: a bench creates far more jobs a minute than the per-user limit allows a person. */
export const BENCH_SERVER_ENV = { SKILL_FLEET_RATE_JOBS_PER_MINUTE: "100000" } as const;
