import { scanSkill } from "../../server/skills/security";
import type { ScanFile } from "../../server/skills/security/types";
import { percentile, report } from "./support/figures";

/**
 * Security scan speed: a skill of 20 files — a 500-line SKILL.md (sections, tables, shell and Python blocks, links),
 * 8 scripts (shell, Python, JS), 10 references and a package.json — scanned many times without a model. The
 * baseline is splitting the same files into lines, the least any scan does. Goal (issue 27): under 50 ms.
 */

function section(index: number): string[] {
  return [
    `## Step ${index}: install and check tool ${index}`,
    "",
    `Run the check for step ${index}; ask the user before changing anything outside the project.`,
    "",
    "| Problem | Fix | Notes |",
    "|---------|-----|-------|",
    `| Tool ${index} missing | \`pip install tool${index}\` | pinned in requirements.txt |`,
    "",
    "```bash",
    `curl -fsSL https://downloads.example.com/tool${index}.tar.gz -o tool${index}.tar.gz`,
    `rm -rf build/tool${index} && tar xzf tool${index}.tar.gz -C build`,
    "```",
    "",
    `- See [the reference](references/ref-${index % 10}.md) for step ${index}.`,
    "",
  ];
}

function skillMd(): string {
  const lines = [
    "---",
    "name: bench-skill",
    "description: Use when benchmarking the scanner.",
    "---",
    "",
    "# Bench",
    "",
  ];
  for (let index = 1; lines.length < 500; index++) lines.push(...section(index));
  return lines.slice(0, 500).join("\n");
}

const SHELL = Array.from({ length: 60 }, (_, i) => `echo "step ${i}" && ls -la "$HOME/projects/${i}" | wc -l`).join(
  "\n",
);
const PYTHON = Array.from(
  { length: 60 },
  (_, i) => `def f${i}(x):\n    return requests.get(f"https://api.example.com/{x}").json()`,
).join("\n");
const JS = Array.from(
  { length: 60 },
  (_, i) => `export const v${i} = await fetch("https://api.example.com/${i}").then((r) => r.json());`,
).join("\n");

function files(): Map<string, ScanFile> {
  const map = new Map<string, ScanFile>();
  const add = (path: string, text: string) => map.set(path, { text, size: text.length });
  add("SKILL.md", skillMd());
  for (let i = 0; i < 3; i++) add(`scripts/run-${i}.sh`, SHELL);
  for (let i = 0; i < 3; i++) add(`scripts/tool_${i}.py`, PYTHON);
  for (let i = 0; i < 2; i++) add(`scripts/fetch-${i}.mjs`, JS);
  for (let i = 0; i < 10; i++) add(`references/ref-${i}.md`, skillMd().split("\n").slice(7, 107).join("\n"));
  add("package.json", '{ "dependencies": { "react": "^19.0.0", "zod": "^4.0.0" } }');
  return map;
}

function timings(runs: number, fn: () => unknown): number[] {
  for (let i = 0; i < 20; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return times;
}

const input = { folder: "bench-skill", hasFolder: true, files: files() };
const lineCount = [...input.files.values()].reduce((sum, file) => sum + (file.text ?? "").split("\n").length, 0);
const scan = percentile(
  timings(200, () => scanSkill(input)),
  50,
);
const split = percentile(
  timings(200, () => [...input.files.values()].map((file) => (file.text ?? "").split(/\r?\n/))),
  50,
);
report({
  name: `security scan of a skill with ${input.files.size} files (500-line SKILL.md, ${lineCount} lines in all), p50`,
  value: scan,
  unit: "ms",
  baseline: { name: "splitting the same files into lines", value: split },
  goal: { text: "< 50 ms", met: scan < 50 },
});
