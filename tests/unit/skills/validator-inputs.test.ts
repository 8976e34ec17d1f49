import fs from "node:fs/promises";
import path from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { zipSkill } from "@/server/skills/archive";
import {
  validateSkillContent,
  validateSkillDirectory,
  validateSkillFiles,
  validateSkillZip,
} from "@/server/skills/validator";

/** The four ways in (text, file map, folder, zip) reach the same rules; hostile names in maps and zips are refused. */

const VALID_DIR = path.resolve(import.meta.dirname, "../../fixtures/skills/valid/csv-summary");
const read = (file: string) => fs.readFile(path.join(VALID_DIR, file), "utf8");
const ids = (report: { findings: { ruleId: string }[] }) => report.findings.map((finding) => finding.ruleId);

async function validFiles(folder = "csv-summary"): Promise<Record<string, string>> {
  const names = ["SKILL.md", "examples/basic.md", "references/columns.md"];
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [`${folder}/${name}`, await read(name)] as const)),
  );
}

describe("validateSkillContent", () => {
  it("skips folder rules and compares the name with itself unless a folder name is given", async () => {
    const content = await read("SKILL.md");
    const alone = validateSkillContent(content);
    expect(alone.findings).toEqual([]);
    expect(alone.passed).toBe(true);
    const elsewhere = validateSkillContent(content, { folderName: "another-folder" });
    expect(ids(elsewhere)).toEqual(["spec/name-matches-folder"]);
    expect(elsewhere.findings[0]?.path).toBe("SKILL.md");
  });

  it("normalises names with NFKC as the specification allows (fullwidth letters are the same name)", async () => {
    const content = (await read("SKILL.md")).replace("name: csv-summary", "name: ｃｓｖ-summary");
    expect(validateSkillContent(content, { folderName: "csv-summary" }).findings).toEqual([]);
  });

  // The trigger-quality dimension judges what and when; the "Use when…" wording itself is only house style (info).
  it.each([
    [
      "Summarises a CSV file with pandas: row count, column dtypes and missing values per column. Use when the user shares a .csv file or asks what a table contains.",
      false,
      false,
    ],
    ["Helps with CSV files when the user asks for a summary", false, false],
    ["Use when the user uploads a CSV", true, false],
    ["Triggers on CSV uploads", true, false],
    ["Automates tasks on CSV files", true, true],
    ["Writes an essay about CSV files", true, true],
    // Other ways of saying when: "before …", "You MUST use this when …", "Invoke for …".
    ["Use before analysing a .csv file: prints row count, column dtypes and missing values with pandas.", false, false],
    ["You MUST use this when a .csv file arrives: row count, dtypes and missing values with pandas.", false, false],
    ["Invoke for .csv uploads: summarises row count, column dtypes and missing values with pandas.", false, false],
  ])("description %j: trigger quality under the bar %s, house-style note %s", async (description, weak, note) => {
    const content = (await read("SKILL.md")).replace(
      /^description: .*$/m,
      `description: ${JSON.stringify(description)}`,
    );
    const report = validateSkillContent(content);
    expect(ids(report).includes("quality/trigger-quality")).toBe(weak);
    expect(report.scores.triggerQuality < report.quality.dimensionBar).toBe(weak);
    const houseStyle = report.findings.filter((finding) => finding.ruleId === "quality/use-when-trigger");
    expect(houseStyle.map((finding) => finding.severity)).toEqual(note ? ["info"] : []);
    expect(report.findings.filter((finding) => finding.severity === "error")).toEqual([]);
  });

  it("reports every problem at once, each with its line, and says why it did not pass", () => {
    const report = validateSkillContent("---\nname: Bad--Name-\ndescription: ''\nmetadata: [1]\n---\nshort\n");
    expect(report.findings.map((finding) => [finding.ruleId, finding.line])).toEqual([
      ["spec/name-format", 2],
      ["spec/description-required", 3],
      ["spec/metadata-map", 4],
      ["quality/when-to-use-section", 6],
      ["quality/quick-start-section", 6],
      ["quality/code-block", 6],
      ["quality/body-length", 6],
      ["quality/specificity", undefined],
      ["quality/trigger-quality", 3],
      ["quality/content-score", undefined],
    ]);
    expect(report.passed).toBe(false);
    expect(report.findings.filter((finding) => finding.severity === "error").every((f) => f.tier === "spec")).toBe(
      true,
    );
    expect(report.scores.overall).toBeLessThan(report.quality.threshold);
  });
});

describe("validateSkillFiles", () => {
  it("treats a folder's file map like the folder", async () => {
    expect((await validateSkillDirectory(VALID_DIR)).findings).toEqual(validateSkillFiles(await validFiles()).findings);
  });

  it("a trailing slash marks an empty directory", async () => {
    expect(ids(validateSkillFiles({ ...(await validFiles()), "csv-summary/scripts/": "" }))).toEqual([
      "quality/subdirectory-empty",
    ]);
  });

  it.each([
    ["traversal", "csv-summary/../../etc/passwd"],
    ["absolute", "/csv-summary/SKILL.md"],
    ["backslash", "csv-summary\\SKILL.md"],
    ["NUL", "csv-summary/SKILL.md\0"],
    ["dot look-alike", "csv-summary/․․/a.md"],
    ["punctuation", "csv-summary/examples/a;rm.md"],
    ["over-long", `csv-summary/${"a".repeat(200)}.md`],
  ])("refuses a %s key", async (_label, key) => {
    expect(() => validateSkillFiles({ ...{ "csv-summary/SKILL.md": "x" }, [key]: "x" })).toThrow(
      expect.objectContaining({ code: "BAD_REQUEST" }),
    );
  });

  it("accepts a Unicode folder name, as the specification allows Unicode lowercase names", async () => {
    const text = (await read("SKILL.md")).replace("name: csv-summary", "name: données-csv");
    const report = validateSkillFiles({ "données-csv/SKILL.md": text });
    expect(report.findings.filter((finding) => finding.tier === "spec")).toEqual([]);
    expect(ids(report)).toContain("portability/name-ascii");
    const zipped = await validateSkillZip(zipSync({ "données-csv/SKILL.md": strToU8(text) }));
    expect(zipped.findings).toEqual(report.findings);
  });

  it("refuses files spread over several folders", () => {
    expect(() => validateSkillFiles({ "a/SKILL.md": "x", "b/SKILL.md": "y" })).toThrow(/one skill folder/);
  });
});

describe("zips", () => {
  it("zipSkill → validateSkillZip gives the folder's report; the zip holds folder/… entries", async () => {
    const zip = await zipSkill(VALID_DIR);
    expect(Object.keys(unzipSync(zip)).sort()).toEqual([
      "csv-summary/SKILL.md",
      "csv-summary/examples/basic.md",
      "csv-summary/references/columns.md",
    ]);
    expect(await validateSkillZip(zip)).toEqual(await validateSkillDirectory(VALID_DIR));
  });

  it("a zip with SKILL.md at the top uses the declared name as the folder", async () => {
    const files = await validFiles();
    const flat = Object.fromEntries(
      Object.entries(files).map(([key, text]) => [key.replace("csv-summary/", ""), strToU8(text)]),
    );
    const report = await validateSkillZip(zipSync(flat));
    expect(report.findings).toEqual([]);
  });

  it("skips packaging junk (__MACOSX, .DS_Store)", async () => {
    const files = await validFiles();
    const entries = Object.fromEntries(Object.entries(files).map(([key, text]) => [key, strToU8(text)]));
    const zip = zipSync({
      ...entries,
      "__MACOSX/csv-summary/._SKILL.md": strToU8("junk"),
      "csv-summary/.DS_Store": strToU8("junk"),
    });
    expect((await validateSkillZip(zip)).findings).toEqual([]);
  });

  it.each([
    ["traversal", "../evil.sh"],
    ["nested traversal", "csv-summary/../../evil.sh"],
    ["absolute", "/etc/cron.d/evil"],
    ["backslash", "csv-summary\\..\\evil.sh"],
    ["NUL", "csv-summary/evil\0.sh"],
    ["dot look-alike", "csv-summary/scripts/․․/evil.sh"],
  ])("refuses an entry with a %s name", async (_label, name) => {
    const zip = zipSync({ "csv-summary/SKILL.md": strToU8("---\nname: x\n---\n"), [name]: strToU8("boom") });
    await expect(validateSkillZip(zip)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^Zip entry/),
    });
  });

  it("refuses a zip bomb by the bytes it inflates (server/skills/archive.ts counts them)", async () => {
    const zip = zipSync({ "csv-summary/SKILL.md": new Uint8Array(65 * 1024 * 1024) }, { level: 9 });
    expect(zip.byteLength).toBeLessThan(1024 * 1024);
    await expect(validateSkillZip(zip)).rejects.toThrow(/unpacks to more than 64 MB/);
  });

  it("refuses bytes that are not a zip", async () => {
    await expect(validateSkillZip(strToU8("not a zip"))).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
