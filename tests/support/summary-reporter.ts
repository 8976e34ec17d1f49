import fs from "node:fs";
import type { Reporter, TestModule } from "vitest/node";

/**
 * Prints `vitest: N passed, N failed, N skipped` and, under scripts/test.sh, leaves the counts in
 * $SKILL_FLEET_SUMMARY_DIR/<name>.json (name from SKILL_FLEET_SUMMARY_NAME, default vitest), from which it prints
 * the one closing line CI reads.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const testModule of testModules) {
      let failedHere = 0;
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") failedHere++;
        else counts.skipped++;
      }
      // A file that fails to load, or whose beforeAll throws (its tests then show as skipped), is a failure too.
      counts.failed += failedHere || (testModule.state() === "failed" ? 1 : 0);
    }
    const name = process.env.SKILL_FLEET_SUMMARY_NAME ?? "vitest";
    console.log(`\n${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    // Only scripts/test.sh collects the counts (it names the folder); a stray run elsewhere must not overwrite them.
    const dir = process.env.SKILL_FLEET_SUMMARY_DIR;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(`${dir}/${name}.json`, JSON.stringify(counts));
  }
}
