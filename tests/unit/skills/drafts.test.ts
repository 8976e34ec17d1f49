import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { libraryFor } from "@/server/skills/library";
import { promoteDraft, readDraft, writeDraft, type WriteDraftInput } from "@/server/skills/drafts";
import { parseSkillMd } from "@/server/skills/skill-md";
import { extractAssets, extractUsageExamples, firstParagraph } from "@/server/skills/skill-writer";
import { validateSkillDirectory } from "@/server/skills/validator";

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

let root: string;
beforeEach(async () => {
  root = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "skill-drafts-")), "skills");
  libraryFor(root, { seedDir: null });
});
afterEach(async () => {
  await fs.rm(path.dirname(root), { recursive: true, force: true });
});

describe("writeDraft / readDraft", () => {
  it("writes metadata.json, a normalised SKILL.md, extra files and the extracted assets and examples", async () => {
    const jobId = randomUUID();
    const { draftPath } = await writeDraft({
      root,
      jobId,
      skillPath: "testing/pytest-setup",
      skillMd: GENERATED,
      files: { "evals/evals.json": "{}\n", "references/options.md": "# Options\n" },
      metadata: { tags: ["pytest"], validation_score: 0.8 },
    });
    expect(draftPath).toBe(path.join(root, "_drafts", jobId, "testing", "pytest-setup"));
    const draft = await readDraft({ root, jobId });
    expect(draft?.skillPath).toBe("testing/pytest-setup");
    expect(Object.keys(draft?.files ?? {}).sort()).toEqual([
      "SKILL.md",
      "assets/pytest.ini",
      "evals/evals.json",
      "examples/example_1.py",
      "examples/example_2.sh",
      "examples/example_3.txt",
      "metadata.json",
      "references/options.md",
    ]);
    expect(draft?.files["assets/pytest.ini"]).toBe("[pytest]\naddopts = -q\n");
    expect(draft?.files["examples/example_2.sh"]).toBe("pytest -q\n");

    const metadata = JSON.parse(draft?.files["metadata.json"] ?? "{}") as Record<string, unknown>;
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

    const written = draft?.files["SKILL.md"] ?? "";
    const doc = parseSkillMd(written);
    expect(Object.keys(doc.frontmatter)).toEqual(["name", "description", "metadata", "allowed-tools"]);
    expect(doc.frontmatter).toMatchObject({
      name: "pytest-setup",
      "allowed-tools": "Read Bash",
      metadata: { author: "model", skill_id: "testing/pytest-setup", version: "1.0.0" },
    });
    expect(doc.body.startsWith("\n# Pytest setup\n")).toBe(true);

    const report = await validateSkillDirectory(draftPath);
    expect(report.findings.filter((finding) => finding.tier === "spec")).toEqual([]);
  });

  it("replaces a previous draft of the same job completely", async () => {
    const jobId = randomUUID();
    await writeDraft({ root, jobId, skillPath: "a/first", skillMd: GENERATED, metadata: {} });
    await writeDraft({
      root,
      jobId,
      skillPath: "b/second",
      skillMd: "no frontmatter at all\n",
      metadata: { description: "Use when testing" },
    });
    const draft = await readDraft({ root, jobId });
    expect(draft?.skillPath).toBe("b/second");
    expect(await fs.readdir(path.join(root, "_drafts", jobId))).toEqual(["b", "draft.json"]);
    expect(draft?.files["SKILL.md"]).toBe(
      "---\nname: second\ndescription: Use when testing\nmetadata:\n  skill_id: b/second\n  version: 1.0.0\n  type: technical\n  weight: medium\n---\n\nno frontmatter at all\n",
    );
    expect(await fs.readdir(path.join(root, "_tmp"))).toEqual([]);
  });

  it("returns null for a job without a draft", async () => {
    expect(await readDraft({ root, jobId: randomUUID() })).toBeNull();
  });

  it("refuses hostile job ids, skill paths and file names, writing nothing outside the root", async () => {
    const ok = { root, skillMd: GENERATED, metadata: {} };
    const bad: WriteDraftInput[] = [
      { ...ok, jobId: "../../etc", skillPath: "a/b" },
      { ...ok, jobId: "x/../../y", skillPath: "a/b" },
      { ...ok, jobId: randomUUID(), skillPath: "../outside" },
      { ...ok, jobId: randomUUID(), skillPath: "/tmp/outside" },
      { ...ok, jobId: randomUUID(), skillPath: "a\\..\\..\\outside" },
      { ...ok, jobId: randomUUID(), skillPath: "a/b", files: { "../../../outside.txt": "x" } },
      { ...ok, jobId: randomUUID(), skillPath: "a/b", files: { "/etc/cron.d/x": "x" } },
      { ...ok, jobId: randomUUID(), skillPath: "a/b", files: { "scripts/\0.sh": "x" } },
      { ...ok, jobId: randomUUID(), skillPath: "a/b", files: { "scripts/ｒun.sh": "x" } },
      { ...ok, jobId: randomUUID(), skillPath: "a/b", files: { [`${"x".repeat(600)}.md`]: "x" } },
      { ...ok, jobId: randomUUID(), skillPath: "a/b", files: { "SKILL.md": "replacing the skill" } },
    ];
    for (const input of bad) await expect(writeDraft(input)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(readDraft({ root, jobId: "../.." })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await fs.readdir(path.dirname(root))).filter((name) => name !== "skills")).toEqual([]);
    expect(await fs.stat("/tmp/outside").catch(() => null)).toBeNull();
  });

  it("refuses a draft folder that is a symlink", async () => {
    const jobId = randomUUID();
    const outside = path.join(path.dirname(root), "outside");
    await fs.mkdir(outside);
    await fs.mkdir(path.join(root, "_drafts"), { recursive: true });
    await fs.symlink(outside, path.join(root, "_drafts", jobId));
    await expect(writeDraft({ root, jobId, skillPath: "a/b", skillMd: GENERATED, metadata: {} })).rejects.toThrow(
      /symlink/,
    );
    await expect(readDraft({ root, jobId })).rejects.toThrow(/symlink/);
    expect(await fs.readdir(outside)).toEqual([]);
  });
});

describe("promoteDraft", () => {
  it("moves the draft into the library and indexes it", async () => {
    const jobId = randomUUID();
    await writeDraft({ root, jobId, skillPath: "testing/pytest-setup", skillMd: GENERATED, metadata: {} });
    const result = await promoteDraft({ root, jobId, skillPath: "testing/pytest-setup" });
    expect(result).toEqual({ path: "testing/pytest-setup", dir: path.join(root, "testing", "pytest-setup") });
    expect(await fs.readFile(path.join(result.dir, "assets", "pytest.ini"), "utf8")).toContain("[pytest]");
    expect(await fs.stat(path.join(root, "_drafts", jobId)).catch(() => null)).toBeNull();
    expect((await libraryFor(root).list()).map((entry) => entry.path)).toEqual(["testing/pytest-setup"]);
  });

  it("is CONFLICT when the target exists, unless overwrite", async () => {
    const first = randomUUID();
    const second = randomUUID();
    await writeDraft({
      root,
      jobId: first,
      skillPath: "a/skill",
      skillMd: GENERATED,
      metadata: { description: "Use when first" },
    });
    await writeDraft({
      root,
      jobId: second,
      skillPath: "a/skill",
      skillMd: GENERATED,
      metadata: { description: "Use when second" },
    });
    await promoteDraft({ root, jobId: first, skillPath: "a/skill" });
    await expect(promoteDraft({ root, jobId: second, skillPath: "a/skill" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await readDraft({ root, jobId: second })).not.toBeNull();
    await promoteDraft({ root, jobId: second, skillPath: "a/skill", overwrite: true });
    expect((await libraryFor(root).entry("a/skill")).description).toBe("Use when second");
  });

  it("concurrent promotions of one path: exactly one wins", async () => {
    const jobs = Array.from({ length: 6 }, () => randomUUID());
    for (const jobId of jobs)
      await writeDraft({ root, jobId, skillPath: "race/skill", skillMd: GENERATED, metadata: {} });
    const results = await Promise.allSettled(
      jobs.map((jobId) => promoteDraft({ root, jobId, skillPath: "race/skill" })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results)
      if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "CONFLICT" });
  });

  it("is NOT_FOUND without a draft and BAD_REQUEST for hostile input", async () => {
    await expect(promoteDraft({ root, jobId: randomUUID(), skillPath: "a/b" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(promoteDraft({ root, jobId: randomUUID(), skillPath: "../../etc" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(promoteDraft({ root, jobId: "..", skillPath: "a/b" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("extraction helpers (reference §1.7)", () => {
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
