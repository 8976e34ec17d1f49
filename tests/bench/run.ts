// `npm run bench`: runs every tests/bench/*.bench.ts script in turn (each prints its own figures), one process
// each so their heaps and timings do not disturb one another.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = path.resolve("tests/bench");
const only = process.argv.slice(2);
const scripts = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts") && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
let failed = 0;
for (const script of scripts) {
  console.log(`\n━━ ${script} ━━`);
  const run = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", path.join(dir, script)], {
    stdio: "inherit",
    env: { ...process.env, SKILL_FLEET_LOG_LEVEL: "silent" },
  });
  if (run.status !== 0) failed++;
}
console.log(`\n${scripts.length - failed} of ${scripts.length} benchmarks ran`);
process.exit(failed ? 1 : 0);
