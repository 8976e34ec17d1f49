import fs from "node:fs";
import path from "node:path";
import { assessQuality } from "../../server/skills/quality/model";
import { parseSkillMd, splitSkillMd } from "../../server/skills/skill-md";
import { validateSkillContent, validateSkillFiles } from "../../server/skills/validator";
import { percentile, report } from "./support/figures";

/**
 * Validator speed: a realistic 500-line SKILL.md (frontmatter, sections, tables, code blocks, links) validated many
 * times, as pasted text and as a folder with a reference and an example. The baseline is reading the same file's
 * frontmatter and body alone (parseSkillMd), which every validation starts with. A second body is made of the seed
 * library's real skills (long paragraphs cost the content-quality model's word-level signals most), and the quality
 * model is also timed alone.
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

/** Per-call times in ms after a warm-up (JIT, regex caches). */
function timings(runs: number, fn: () => unknown): number[] {
  for (let i = 0; i < 50; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return times;
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
const files = {
  "bench-skill/SKILL.md": content,
  "bench-skill/references/patterns.md": "# Patterns\n\nDetails.\n",
  "bench-skill/examples/basic.md": "# Basic\n\n```bash\necho ok\n```\n",
};
const parsed = percentile(
  timings(1_000, () => parseSkillMd(content)),
  50,
);
const text = percentile(
  timings(1_000, () => validateSkillContent(content)),
  50,
);
const folder = percentile(
  timings(1_000, () => validateSkillFiles(files)),
  50,
);
report({
  name: "validate a 500-line SKILL.md, p50",
  value: text,
  unit: "ms",
  baseline: { name: "parseSkillMd of the same file", value: parsed },
  goal: { text: "≤ 5 ms", met: text <= 5 },
});
report({
  name: "validate a skill folder with the same SKILL.md, p50",
  value: folder,
  unit: "ms",
  baseline: { name: "parseSkillMd of its SKILL.md", value: parsed },
  goal: { text: "≤ 5 ms", met: folder <= 5 },
});

const seedText = fiveHundredLinesOfSeedSkills();
const seed = percentile(
  timings(1_000, () => validateSkillContent(seedText)),
  50,
);
report({
  name: "validate 500 lines of real skills, p50",
  value: seed,
  unit: "ms",
  baseline: {
    name: "parseSkillMd of the same file",
    value: percentile(
      timings(1_000, () => parseSkillMd(seedText)),
      50,
    ),
  },
  goal: { text: "≤ 5 ms", met: seed <= 5 },
});
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
  const quality = percentile(
    timings(1_000, () => assessQuality(input)),
    50,
  );
  report({
    name: "content-quality model alone on 500 lines of real skills, p50",
    value: quality,
    unit: "ms",
    baseline: { name: "whole validation of the same file", value: seed },
  });
}
