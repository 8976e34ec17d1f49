import { validateSkillContent, validateSkillFiles } from "../../server/skills/validator";

/**
 * Validator speed: a realistic 500-line SKILL.md (frontmatter, sections, tables, code blocks, links) validated
 * many times, as pasted text and as a folder with a reference and an example. Prints p50/p99/max per call.
 * Target: well under 10 ms.
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

const content = fiveHundredLineSkill();
const lineCount = content.split("\n").length - 1;
const report = validateSkillContent(content);
console.log(
  `validator bench: SKILL.md of ${lineCount} lines, ${content.length} chars, ${report.findings.length} findings, passed=${report.passed}`,
);

measure("validateSkillContent (500-line SKILL.md)", 1_000, () => validateSkillContent(content));
const files = {
  "bench-skill/SKILL.md": content,
  "bench-skill/references/patterns.md": "# Patterns\n\nDetails.\n",
  "bench-skill/examples/basic.md": "# Basic\n\n```bash\necho ok\n```\n",
};
measure("validateSkillFiles (folder with the same SKILL.md)", 1_000, () => validateSkillFiles(files));
