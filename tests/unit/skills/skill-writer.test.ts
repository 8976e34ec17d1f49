import { describe, expect, it } from "vitest";
import { parseSkillMd } from "@/server/skills/skill-md";
import { buildSkillFiles, extractAssets, extractUsageExamples, firstParagraph } from "@/server/skills/skill-writer";
import { validateSkillFiles } from "@/server/skills/validator";

/** The files a job's draft is made of (written as a version by server/skills/library/drafts.ts). */
const GENERATED = `---
name: whatever-the-model-said
description: Use when configuring pytest for a project
allowed-tools:
  - Read
  - Bash
metadata:
  author: model
---


# Pytest setup

Configure pytest so tests run the same everywhere.

## When to Use

- A project has no pytest configuration yet.

## Quick Start

### \`pytest.ini\`

Put this at the project root:

\`\`\`ini
[pytest]
addopts = -q
\`\`\`

### \`../escape.txt\`

\`\`\`text
never written
\`\`\`

## Usage Examples

\`\`\`python
def test_ok():
    assert True
\`\`\`

\`\`\`bash
pytest -q
\`\`\`

\`\`\`
plain
\`\`\`

## Troubleshooting

\`\`\`bash
pytest --collect-only
\`\`\`
`;

describe("buildSkillFiles", () => {
  it("builds metadata.json, a normalised SKILL.md, extra files and the extracted assets and examples", () => {
    const files = buildSkillFiles({
      skillPath: "testing/pytest-setup",
      skillMd: GENERATED,
      files: { "evals/evals.json": "{}\n", "references/options.md": "# Options\n" },
      metadata: { tags: ["pytest"], validation_score: 0.8 },
    });
    expect([...files.keys()].sort()).toEqual([
      "SKILL.md",
      "assets/pytest.ini",
      "evals/evals.json",
      "examples/example_1.py",
      "examples/example_2.sh",
      "examples/example_3.txt",
      "metadata.json",
      "references/options.md",
    ]);
    expect(files.get("assets/pytest.ini")).toBe("[pytest]\naddopts = -q\n");
    expect(files.get("examples/example_2.sh")).toBe("pytest -q\n");

    const metadata = JSON.parse(files.get("metadata.json") ?? "{}") as Record<string, unknown>;
    expect(metadata).toMatchObject({
      skill_id: "testing/pytest-setup",
      name: "pytest-setup",
      version: "1.0.0",
      type: "technical",
      weight: "medium",
      load_priority: "on_demand",
      category: "testing",
      tags: ["pytest"],
    });
    expect(metadata.created_at).toBe(metadata.last_modified);

    const doc = parseSkillMd(files.get("SKILL.md") ?? "");
    expect(Object.keys(doc.frontmatter)).toEqual(["name", "description", "metadata", "allowed-tools"]);
    expect(doc.frontmatter).toMatchObject({
      name: "pytest-setup",
      "allowed-tools": "Read Bash",
      metadata: { author: "model", skill_id: "testing/pytest-setup", version: "1.0.0" },
    });
    expect(doc.body.startsWith("\n# Pytest setup\n")).toBe(true);

    const report = validateSkillFiles(
      Object.fromEntries([...files].map(([name, text]) => [`pytest-setup/${name}`, text])),
    );
    expect(report.findings.filter((finding) => finding.tier === "spec")).toEqual([]);
  });

  it("refuses hostile file names and extra files that would replace SKILL.md or metadata.json", () => {
    const build = (files: Record<string, string>) => () =>
      buildSkillFiles({ skillPath: "a/b", skillMd: GENERATED, files });
    expect(build({ "../escape.md": "x" })).toThrow(/must not contain/);
    expect(build({ "/etc/passwd": "x" })).toThrow(/absolute/);
    expect(build({ "SKILL.md": "x" })).toThrow(/must not replace/);
  });
});

describe("extraction helpers (docs/skill-format.md)", () => {
  it("assets need a safe back-ticked file name and a fence before the next heading", () => {
    const body =
      "## `ok.toml`\ntext\n```toml\na = 1\n```\n## `.hidden`\n```\nx\n```\n## `gap.txt`\n### Other heading\n```\ny\n```\n";
    expect([...extractAssets(body)]).toEqual([["assets/ok.toml", "a = 1\n"]]);
  });

  it("examples come only from the Usage Examples section, with extensions by language", () => {
    const body = "## Usage Examples\n```yaml\na: 1\n```\n```json\n{}\n```\n## Next\n```python\nno\n```\n";
    expect([...extractUsageExamples(body)]).toEqual([
      ["examples/example_1.yml", "a: 1\n"],
      ["examples/example_2.json", "{}\n"],
    ]);
  });

  it("the description fallback is the first paragraph without its heading", () => {
    expect(firstParagraph("\n# Title\n\nFirst paragraph\nstill first.\n\nSecond.")).toBe(
      "First paragraph\nstill first.",
    );
  });
});
