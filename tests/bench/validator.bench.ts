import fs from "node:fs";
import path from "node:path";
import { assessQuality } from "../../server/skills/quality/model";
import { splitSkillMd } from "../../server/skills/skill-md";
import { validateSkillContent, validateSkillFiles } from "../../server/skills/validator";

/**
 * Validator speed, content-quality model included: a 500-line SKILL.md validated many times, as pasted text and as
 * a folder with a reference and an example. Two bodies: a synthetic one (sections, tables, code, links) and a
 * prose-heavy one made of the seed library's real skills (long paragraphs cost the word-level signals most).
 * Prints p50/p99/max per call. Target: p50 at most 5 ms for 500 lines.
 */

function section(index: number): string[] {
  return [
    `## Pattern ${index}: handling case ${index}`,
    "",
    `Use this pattern when step ${index} fails. Keep the fix small and verify it with a test.`,
    "",
    "| Problem | Solution | Keywords |",
    "|---------|----------|----------|",
    `| Case ${index} times out | Retry with backoff | retry, timeout |`,
    "",
    "```python",
    `def handle_${index}(value):`,
    `    return value * ${index}`,
    "```",
    "",
    `- Check the input of step ${index}.`,
    `- See [the reference](references/patterns.md) for more on case ${index}.`,
    "",
  ];
}

export function fiveHundredLineSkill(): string {
  const head = [
    "---",
    "name: bench-skill",
    "description: Use when benchmarking the validator with a long, realistic skill that has many sections and code blocks.",
    "license: MIT",
    "metadata:",
    '  version: "1.0.0"',
    "allowed-tools: Read Bash",
    "---",
    "",
    "# Bench skill",
    "",
    "## When to Use",
    "",
    "- When a long skill must be validated fast.",
    "",
    "## Quick Start",
    "",
  ];
  const lines = [...head];
  for (let index = 1; lines.length < 500; index++) lines.push(...section(index));
  return `${lines.slice(0, 500).join("\n")}\n`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function measure(label: string, runs: number, fn: () => unknown): void {
  for (let i = 0; i < 50; i++) fn(); // warm-up: JIT and regex caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const fmt = (value: number) => `${value.toFixed(3)} ms`;
  console.log(
    `${label}: runs=${runs} p50=${fmt(percentile(times, 50))} p99=${fmt(percentile(times, 99))} max=${fmt(times.at(-1) ?? Number.NaN)}`,
  );
}

/** 500 lines of real skill text: the seed skills' bodies, one after another, under one frontmatter. */
export function fiveHundredLinesOfSeedSkills(): string {
  const seed = path.resolve("server/skills/seed");
  const bodies = fs
    .readdirSync(seed)
    .flatMap((category) => fs.readdirSync(path.join(seed, category)).map((skill) => path.join(seed, category, skill)))
    .map((dir) => fs.readFileSync(path.join(dir, "SKILL.md"), "utf8"))
    .map((text) => {
      const split = splitSkillMd(text);
      return split.kind === "ok" ? split.body : text;
    });
  const head = [
    "---",
    "name: seed-bench",
    "description: Use when benchmarking the validator on real skill text.",
    "---",
  ];
  const lines = [...head];
  for (let round = 0; lines.length < 500; round++) lines.push(...(bodies[round % bodies.length] ?? "").split("\n"));
  return `${lines.slice(0, 500).join("\n")}\n`;
}

const content = fiveHundredLineSkill();
const lineCount = content.split("\n").length - 1;
const report = validateSkillContent(content);
console.log(
  `validator bench: SKILL.md of ${lineCount} lines, ${content.length} chars, ${report.findings.length} findings, passed=${report.passed}`,
);

measure("validateSkillContent (500-line SKILL.md)", 1_000, () => validateSkillContent(content));
const seedText = fiveHundredLinesOfSeedSkills();
measure("validateSkillContent (500 lines of real skills)", 1_000, () => validateSkillContent(seedText));
const split = splitSkillMd(seedText);
if (split.kind === "ok") {
  const input = {
    name: "seed-bench",
    description: "Use when benchmarking the validator on real skill text.",
    body: split.body,
    bodyFirstLine: split.bodyFirstLine,
    skillMdLines: 500,
    files: null,
  };
  measure("assessQuality alone (500 lines of real skills)", 1_000, () => assessQuality(input));
}
const files = {
  "bench-skill/SKILL.md": content,
  "bench-skill/references/patterns.md": "# Patterns\n\nDetails.\n",
  "bench-skill/examples/basic.md": "# Basic\n\n```bash\necho ok\n```\n",
};
measure("validateSkillFiles (folder with the same SKILL.md)", 1_000, () => validateSkillFiles(files));
