import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RULES, validateSkillDirectory, validateSkillFiles, type Finding } from "@/server/skills/validator";

/**
 * The fixture corpus: tests/fixtures/skills/valid/* must produce no finding at all and pass (the passing case of
 * every rule and dimension), and each tests/fixtures/skills/broken/<rule>/ is the valid skill with one defect
 * (the failing case), whose expected.json lists exactly the findings (rule, file, line) it must produce and whether
 * the skill still passes. One defect may cost more than one rule (a content-quality dimension under the bar also
 * lowers the content score), so a fixture lists every finding the defect causes.
 * Two rules need things git cannot hold (an 8 MB file, a symlink) and are built in a temp folder below.
 */

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/skills");
const IN_TEST = ["portability/total-size", "portability/skill-md-size", "portability/symlink"];

interface Expected {
  ruleId: string;
  /** Whether the defective skill still passes (a warning does not fail a skill whose content score holds). */
  passed: boolean;
  findings: { ruleId: string; path: string; line?: number }[];
}

const shape = (findings: Finding[]) =>
  findings.map(({ ruleId, path: file, line }) => ({ ruleId, path: file, ...(line === undefined ? {} : { line }) }));

async function brokenCases(): Promise<{ dir: string; skillDir: string; expected: Expected }[]> {
  const base = path.join(FIXTURES, "broken");
  const cases = [];
  for (const name of (await fs.readdir(base)).sort()) {
    const dir = path.join(base, name);
    const expected = JSON.parse(await fs.readFile(path.join(dir, "expected.json"), "utf8")) as Expected;
    const folder = (await fs.readdir(dir)).find((entry) => entry !== "expected.json");
    cases.push({ dir, skillDir: path.join(dir, folder ?? ""), expected });
  }
  return cases;
}

const cases = await brokenCases();
const valid = (await fs.readdir(path.join(FIXTURES, "valid"))).sort();

describe("valid fixtures", () => {
  it.each(valid)("%s has no findings at all", async (name) => {
    const report = await validateSkillDirectory(path.join(FIXTURES, "valid", name));
    expect(shape(report.findings)).toEqual([]);
    expect(report.passed).toBe(true);
  });
});

describe("broken fixtures: one defect, exactly the expected findings", () => {
  it.each(cases.map((c) => [c.expected.ruleId, c] as const))("%s", async (_rule, { skillDir, expected }) => {
    const report = await validateSkillDirectory(skillDir);
    expect(shape(report.findings)).toEqual(expected.findings);
    const rule = RULES.find((candidate) => candidate.id === expected.ruleId);
    expect(rule).toBeDefined();
    expect(expected.findings.map((finding) => finding.ruleId)).toContain(expected.ruleId);
    expect(report.passed).toBe(expected.passed);
    if (rule?.severity === "error") expect(report.passed).toBe(false);
  });
});

describe("corpus coverage", () => {
  it("every rule has a broken fixture (or an in-test case), and every fixture names a real rule", () => {
    const covered = new Set([...cases.map((c) => c.expected.ruleId), ...IN_TEST]);
    expect([...covered].sort()).toEqual(RULES.map((rule) => rule.id).sort());
  });

  it("rule ids are unique and prefixed with their tier", () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) expect(rule.id.startsWith(`${rule.tier}/`)).toBe(true);
  });
});

describe("rules that need a temp folder", () => {
  const temp: string[] = [];
  afterAll(async () => {
    for (const dir of temp) await fs.rm(dir, { recursive: true, force: true });
  });

  async function copyOfValid(): Promise<string> {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), "skill-fixture-"));
    temp.push(root);
    const dir = path.join(root, "csv-summary");
    await fs.cp(path.join(FIXTURES, "valid", "csv-summary"), dir, { recursive: true });
    return dir;
  }

  it("portability/total-size fires above 8 MB and not at 8 MB", async () => {
    const files = Object.fromEntries(
      await Promise.all(
        ["SKILL.md", "examples/basic.md", "references/columns.md"].map(
          async (file) =>
            [`csv-summary/${file}`, await fs.readFile(path.join(FIXTURES, "valid/csv-summary", file), "utf8")] as const,
        ),
      ),
    );
    const used = Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    const atLimit = validateSkillFiles({ ...files, "csv-summary/assets/data.csv": "x".repeat(8 * 1024 * 1024 - used) });
    expect(shape(atLimit.findings)).toEqual([]);
    const over = validateSkillFiles({
      ...files,
      "csv-summary/assets/data.csv": "x".repeat(8 * 1024 * 1024 - used + 1),
    });
    expect(shape(over.findings)).toEqual([{ ruleId: "portability/total-size", path: "csv-summary/." }]);
    // A claude.ai upload limit, not the specification: a warning, so the skill itself still passes.
    expect(over.findings[0]?.severity).toBe("warning");
    expect(over.passed).toBe(true);
  });

  it("portability/skill-md-size: a SKILL.md over 2 MB is reported and not read, within bounded time", async () => {
    const dir = await copyOfValid();
    const head = await fs.readFile(path.join(dir, "SKILL.md"), "utf8");
    await fs.writeFile(path.join(dir, "SKILL.md"), `${head}\n${"Run `make check` with --strict.\n".repeat(80_000)}`);
    const report = await validateSkillDirectory(dir);
    expect(shape(report.findings)).toEqual([{ ruleId: "portability/skill-md-size", path: "csv-summary/SKILL.md" }]);
    expect(report.passed).toBe(false);
    expect(report.scores.overall).toBe(0);
    await fs.writeFile(path.join(dir, "SKILL.md"), head);
    expect((await validateSkillDirectory(dir)).findings).toEqual([]);
  });

  it("portability/symlink reports a planted link and never reads through it", async () => {
    const dir = await copyOfValid();
    const secret = path.join(path.dirname(dir), "outside-secret.md");
    await fs.writeFile(secret, "# Secret\n\n[leak](../../etc/passwd)\n");
    await fs.symlink(secret, path.join(dir, "references", "linked.md"));
    const report = await validateSkillDirectory(dir);
    expect(shape(report.findings)).toEqual([
      { ruleId: "portability/symlink", path: "csv-summary/references/linked.md" },
    ]);
  });

  it("a symlinked SKILL.md is reported and not followed", async () => {
    const dir = await copyOfValid();
    const outside = path.join(path.dirname(dir), "real-SKILL.md");
    await fs.rename(path.join(dir, "SKILL.md"), outside);
    await fs.symlink(outside, path.join(dir, "SKILL.md"));
    const ids = shape((await validateSkillDirectory(dir)).findings).map((finding) => finding.ruleId);
    expect(ids).toEqual(["spec/skill-md-present", "portability/symlink"]);
  });
});
