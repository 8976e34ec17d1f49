import path from "node:path";
import { Command } from "commander";
import { DIMENSION_IDS, DIMENSION_LABELS } from "../../contracts/validation";
import { validateSkillDirectory, validateSkillFiles, type ValidationReport } from "../../server/skills/validator/index";
import { OFFLINE_TASKS } from "../../tests/fixtures/llm/tasks";
import { offlineDraft } from "./offline-drafts";
import { auc, skillFolders } from "./skills";

/**
 * `npm run calibrate -- --good <folder…> --filler <folder…> [--offline-drafts] [--threshold n] [--json]`
 *
 * Judges every skill in the folders with the validator (spec rules and the content-quality model), prints each
 * one's dimensions, overall score and verdict, and the AUC between the skills called good and those called filler
 * (the probability that a good skill outscores a filler one). `--offline-drafts` adds the offline engine's drafts
 * for the 30 tasks of tests/fixtures/llm/tasks.ts to the filler. A calibration tool, not a test: see docs/quality.md.
 */
type Label = "good" | "filler" | "other";

interface Judged {
  label: Label;
  name: string;
  report: ValidationReport;
}

const SEED_LIBRARY = [
  "devops/dockerfile-review",
  "practices/writing-commit-messages",
  "python/pytest-fixtures",
  "testing/flaky-test-triage",
  "web/accessibility-audit",
];

async function judgeFolders(targets: string[], label: Label, threshold?: number): Promise<Judged[]> {
  const judged: Judged[] = [];
  for (const target of targets)
    for (const folder of await skillFolders(target))
      judged.push({ label, name: path.basename(folder), report: await validateSkillDirectory(folder, { threshold }) });
  return judged;
}

async function judgeOfflineDrafts(threshold?: number): Promise<Judged[]> {
  const judged: Judged[] = [];
  for (const { id, task } of OFFLINE_TASKS) {
    const draft = await offlineDraft(task, { library: SEED_LIBRARY });
    const report = validateSkillFiles({ [`${draft.name}/SKILL.md`]: draft.skillMd }, { threshold });
    judged.push({ label: "filler", name: `offline:${id}`, report });
  }
  return judged;
}

function reasons(report: ValidationReport): string {
  if (report.passed) return "";
  const ids = report.findings.filter(
    (f) => f.severity === "error" || (f.tier === "quality" && f.severity === "warning"),
  );
  return [...new Set(ids.map((f) => f.ruleId.replace(/^(?:quality|spec)\//, "")))].join(", ");
}

function row(item: Judged): string {
  const dims = DIMENSION_IDS.map((id) => item.report.scores[id].toFixed(2).padStart(5)).join(" ");
  const verdict = item.report.passed ? "pass" : `FAIL (${reasons(item.report)})`;
  return `${item.label.padEnd(6)} ${item.name.padEnd(36).slice(0, 36)} ${item.report.scores.overall.toFixed(2)}  ${dims}  ${verdict}`;
}

function summary(items: Judged[]): string[] {
  const scores = (label: Label) => items.filter((i) => i.label === label).map((i) => i.report.scores.overall);
  const passed = (label: Label) => items.filter((i) => i.label === label && i.report.passed).length;
  const count = (label: Label) => items.filter((i) => i.label === label).length;
  const value = auc(scores("good"), scores("filler"));
  return [
    `good: ${passed("good")} of ${count("good")} pass; filler: ${passed("filler")} of ${count("filler")} pass`,
    `AUC (good vs filler, on the overall score): ${value === null ? "n/a (needs both good and filler)" : value.toFixed(4)}`,
  ];
}

async function main(argv: string[]): Promise<void> {
  const program = new Command("calibrate")
    .option("--good <folders...>", "folders of skills known to be good", [])
    .option("--filler <folders...>", "folders of filler skills", [])
    .option("--offline-drafts", "add the offline engine's drafts for 30 varied tasks to the filler", false)
    .option("--threshold <n>", "pass mark (default SKILL_FLEET_QUALITY_THRESHOLD)", Number.parseFloat)
    .option("--json", "print JSON instead of a table", false)
    .argument("[folders...]", "other skills to judge (unlabelled)")
    .parse(argv);
  const options = program.opts<{
    good: string[];
    filler: string[];
    offlineDrafts: boolean;
    threshold?: number;
    json: boolean;
  }>();
  const items = [
    ...(await judgeFolders(options.good, "good", options.threshold)),
    ...(await judgeFolders(options.filler, "filler", options.threshold)),
    ...(options.offlineDrafts ? await judgeOfflineDrafts(options.threshold) : []),
    ...(await judgeFolders(program.args, "other", options.threshold)),
  ];
  if (options.json) {
    console.log(
      JSON.stringify({ items: items.map((i) => ({ ...i, report: i.report })), summary: summary(items) }, null, 2),
    );
    return;
  }
  const header = DIMENSION_IDS.map((id) => DIMENSION_LABELS[id].slice(0, 5).padStart(5)).join(" ");
  console.log(`${"label".padEnd(6)} ${"skill".padEnd(36)} overall  ${header}  verdict`);
  for (const item of items) console.log(row(item));
  console.log("");
  for (const line of summary(items)) console.log(line);
}

main(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
