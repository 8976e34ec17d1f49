import fs from "node:fs";
import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

/** Same as the vitest summary reporter, for the browser suite (counts the final result of each test). */
export default class PlaywrightSummaryReporter implements Reporter {
  private readonly outcomes = new Map<string, string>();

  onTestEnd(test: TestCase, _result: TestResult): void {
    this.outcomes.set(test.id, test.outcome());
  }

  onEnd(_result: FullResult): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const outcome of this.outcomes.values()) {
      if (outcome === "expected" || outcome === "flaky") counts.passed++;
      else if (outcome === "skipped") counts.skipped++;
      else counts.failed++;
    }
    console.log(`playwright: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    const dir = process.env.SKILL_FLEET_SUMMARY_DIR;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(`${dir}/playwright.json`, JSON.stringify(counts));
  }
}
