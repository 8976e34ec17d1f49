import fs from "node:fs";
import type { Reporter, TestModule } from "vitest/node";

/**
 * Prints `vitest: N passed, N failed, N skipped` and leaves the counts in .test-summary/vitest.json, from which
 * scripts/test.sh prints the one closing line CI reads.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") counts.failed++;
        else counts.skipped++;
      }
      // A file that fails to load has no tests but must still count as a failure.
      if (testModule.state() === "failed" && testModule.children.size === 0) counts.failed++;
    }
    console.log(`\nvitest: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    fs.mkdirSync(".test-summary", { recursive: true });
    fs.writeFileSync(".test-summary/vitest.json", JSON.stringify(counts));
  }
}
