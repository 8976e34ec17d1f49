import path from "node:path";
import { describe, expect, it } from "vitest";
import { skillFolders } from "@/scripts/calibrate/skills";
import { validateSkillDirectory, type ValidationReport } from "@/server/skills/validator";

/**
 * Excellent skills the quality model used to fail for the wrong reasons (issue 27, item 6): domain syntax read as
 * template residue, triggers written as "before …", "You MUST use this when …" or "Invoke for …" not read as when
 * to use, and process skills (planning, debugging, shaping a design) whose substance is decision rules,
 * checklists, stop conditions and dialogue rather than commands. Each fixture is written for this test; none
 * follows the house style (no "When to Use" heading, no Quick Start), which never fails a skill.
 */
const ROOT = path.resolve(import.meta.dirname, "../../..");
const folders = (await skillFolders(path.join(ROOT, "tests/fixtures/skills/second-round"))).map(
  (dir) => [path.basename(dir), dir] as const,
);

/** Why a report did not pass: its errors and the quality warnings (dimensions under the bar, the content score). */
const reasons = (report: ValidationReport): string[] =>
  report.findings
    .filter((f) => f.severity === "error" || (f.tier === "quality" && f.severity === "warning"))
    .map((f) => f.ruleId);

/**
 * The wrong reasons were residue, trigger, actionability and examples. Specificity may still say that a skill of
 * rules alone names no command or file (true of `reviewing-changes`, which names none); it does not fail it.
 */
const WRONG_REASONS = [
  "quality/template-residue",
  "quality/trigger-quality",
  "quality/actionability",
  "quality/examples",
];

describe("excellent skills in unconventional forms", () => {
  it.each(folders)("%s passes with a margin, for none of the wrong reasons", async (_name, dir) => {
    const report = await validateSkillDirectory(dir);
    expect(reasons(report).filter((id) => WRONG_REASONS.includes(id) || id.startsWith("spec/"))).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.scores.overall).toBeGreaterThanOrEqual(report.quality.threshold + 0.05);
  });
});
