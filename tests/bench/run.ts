// `npm run bench`: runs every tests/bench/*.bench.ts script in turn, one process each so their heaps and timings do not
// disturb one another, then prints ONE table of every figure (its same-run baseline, the ratio, the goal) and writes it
// to bench-results.json. `npm run bench -- sse validator` runs only the scripts whose names contain those words.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ratioOf, type Figure } from "./support/figures";

const dir = path.resolve("tests/bench");
const only = process.argv.slice(2);
const scripts = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts") && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
const figuresFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "skill-fleet-bench-")), "figures.jsonl");
const failed: string[] = [];
for (const script of scripts) {
  console.log(`── ${script}`);
  const run = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", path.join(dir, script)], {
    stdio: "inherit",
    env: { ...process.env, SKILL_FLEET_LOG_LEVEL: "silent", BENCH_FIGURES: figuresFile },
  });
  if (run.status !== 0) failed.push(script);
}

const figures: Figure[] = fs.existsSync(figuresFile)
  ? fs
      .readFileSync(figuresFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Figure)
  : [];

const cell = (value: number | null | undefined, unit = ""): string =>
  value === null || value === undefined ? "—" : `${value}${unit ? ` ${unit}` : ""}`;
const rows = figures.map((f) => {
  const ratio = ratioOf(f);
  return [
    f.name,
    cell(f.value, f.unit),
    f.baseline ? `${cell(f.baseline.value, f.unit)} (${f.baseline.name})` : "—",
    ratio === null ? "—" : ratio.toFixed(2),
    f.goal ? `${f.goal.text} ${f.goal.met ? "✓ met" : "✗ missed"}` : "—",
  ];
});
const header = ["figure", "value", "baseline (same run)", "ratio", "goal"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
console.log(`\n${line(header)}\n${line(widths.map((w) => "-".repeat(w)))}`);
for (const row of rows) console.log(line(row));

const results = {
  ranAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, loadAverage: os.loadavg(), node: process.version },
  scripts,
  failed,
  figures: figures.map((f) => ({ ...f, ratio: ratioOf(f) })),
};
fs.writeFileSync("bench-results.json", `${JSON.stringify(results, null, 2)}\n`);
const met = figures.filter((f) => f.goal?.met).length;
const goals = figures.filter((f) => f.goal).length;
console.log(`\n${figures.length} figures, ${met} of ${goals} goals met; written to bench-results.json`);
if (failed.length > 0) console.log(`benchmarks that did not finish: ${failed.join(", ")}`);
process.exit(failed.length > 0 ? 1 : 0);
