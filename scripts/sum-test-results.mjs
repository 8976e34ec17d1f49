// Adds up the counts each runner's reporter wrote and prints the single closing line CI reads.
import fs from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? ".test-summary";
// vitest, playwright and the stress suite must have reported; vitest-postgres too when that run was made.
const runners = [
  "vitest",
  "playwright",
  "stress",
  ...(fs.existsSync(path.join(dir, "vitest-postgres.json")) || process.env.WITH_POSTGRES === "1"
    ? ["vitest-postgres"]
    : []),
];
const total = { passed: 0, failed: 0, skipped: 0 };
for (const runner of runners) {
  const file = path.join(dir, `${runner}.json`);
  if (!fs.existsSync(file)) {
    console.log(`${runner}: no results (it did not finish)`);
    total.failed += 1;
    continue;
  }
  const counts = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const key of Object.keys(total)) total[key] += counts[key] ?? 0;
}
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
