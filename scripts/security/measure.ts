import fs from "node:fs/promises";
import path from "node:path";
import { riskReaches, type SecurityReport } from "../../contracts/security-report";
import { createScriptedModel } from "../../dev/scripted/model";
import { judgeSecurityReport } from "../../server/llm/security-judge";
import { scanSkill } from "../../server/skills/security/index";
import { scanInputFromDirectory } from "../../server/skills/security/sources";

/**
 * `npm run measure:security [-- --verbose]`: recall at high+ on malicious skills and the flag rate at high+ on
 * benign ones, for the repository's labelled fixtures (tests/fixtures/security), the calibration corpus
 * (../shared/security-corpus) and well-regarded public skills (../shared/skill-corpus, all benign). A measuring
 * tool: the test suite asserts the fixture figures (tests/unit/skills/security-measure.test.ts).
 */

export interface Measured {
  name: string;
  label: "malicious" | "benign";
  report: SecurityReport;
}

/** Skill folders directly under `dir` (those holding a SKILL.md). */
export async function skillFolders(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => path.join(dir, entry.name));
  const checks = await Promise.all(
    folders.map((folder) =>
      fs.stat(path.join(folder, "SKILL.md")).then(
        () => true,
        () => false,
      ),
    ),
  );
  return folders.filter((_, index) => checks[index]).sort();
}

/** `judge`: also run the model judge with this model (the scripted one here: no model is called over a network). */
export async function measureFolder(
  dir: string,
  label: Measured["label"],
  judge?: Parameters<typeof judgeSecurityReport>[2],
): Promise<Measured[]> {
  const out: Measured[] = [];
  for (const folder of await skillFolders(dir)) {
    const input = await scanInputFromDirectory(folder);
    const deterministic = scanSkill(input);
    const report = judge ? await judgeSecurityReport(input, deterministic, judge) : deterministic;
    out.push({ name: path.basename(folder), label, report });
  }
  return out;
}

export function rates(measured: Measured[]): {
  recall: number | null;
  flagRate: number | null;
  malicious: number;
  benign: number;
} {
  const malicious = measured.filter((item) => item.label === "malicious");
  const benign = measured.filter((item) => item.label === "benign");
  const high = (item: Measured) => riskReaches(item.report.risk, "high");
  return {
    recall: malicious.length ? malicious.filter(high).length / malicious.length : null,
    flagRate: benign.length ? benign.filter(high).length / benign.length : null,
    malicious: malicious.length,
    benign: benign.length,
  };
}

const percent = (value: number | null) => (value === null ? "n/a" : `${(value * 100).toFixed(1)} %`);

function printSet(title: string, measured: Measured[], verbose: boolean): void {
  const figures = rates(measured);
  const unread = measured.filter((item) => !item.report.analysed).map((item) => item.name);
  console.log(
    `${title}: recall at high+ ${percent(figures.recall)} (${figures.malicious} malicious), flag rate at high+ ${percent(figures.flagRate)} (${figures.benign} benign)${unread.length ? `; not fully analysed: ${unread.join(", ")}` : ""}`,
  );
  for (const item of measured) {
    const wrong = (item.label === "malicious") !== riskReaches(item.report.risk, "high");
    if (!wrong && !verbose) continue;
    const top = item.report.findings[0];
    const why = top
      ? `${top.ruleId} ${top.severity} ${top.path}:${top.line ?? "-"} ${top.evidence.slice(0, 100)}`
      : "no finding";
    console.log(`  ${wrong ? "✗" : "✓"} ${item.label} ${item.name}: ${item.report.risk} — ${why}`);
  }
}

async function measureAll(verbose: boolean, judge?: Parameters<typeof judgeSecurityReport>[2]): Promise<void> {
  const root = path.resolve(import.meta.dirname, "../..");
  const shared = path.resolve(root, "../shared");
  const fixtures = path.join(root, "tests/fixtures/security");
  const set = async (dir: string, label: Measured["label"]) => measureFolder(dir, label, judge);
  printSet(
    "Fixtures (tests/fixtures/security)",
    [
      ...(await set(path.join(fixtures, "malicious"), "malicious")),
      ...(await set(path.join(fixtures, "benign"), "benign")),
    ],
    verbose,
  );
  printSet(
    "Calibration corpus (../shared/security-corpus)",
    [
      ...(await set(path.join(shared, "security-corpus/malicious"), "malicious")),
      ...(await set(path.join(shared, "security-corpus/benign"), "benign")),
    ],
    verbose,
  );
  printSet("Public skills (../shared/skill-corpus)", await set(path.join(shared, "skill-corpus"), "benign"), verbose);
}

async function main(): Promise<void> {
  const verbose = process.argv.includes("--verbose");
  console.log("── Deterministic rules only (no model)");
  await measureAll(verbose);
  // The scripted model stands in for a configured model: it answers the judge's passes from dev/scripted (no
  // security knowledge), so this run checks the judge's plumbing and that it never lowers a verdict.
  console.log("── With the model judge (scripted model, 3 passes)");
  await measureAll(verbose, { model: createScriptedModel("happy") });
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) await main();
