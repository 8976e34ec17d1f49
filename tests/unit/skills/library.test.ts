import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DomainError } from "@/server/common/errors";
import {
  availableSkillsXml,
  get,
  libraryFor,
  registerSkill,
  search,
  SkillLibrary,
  tree,
} from "@/server/skills/library";
import { validateSkillDirectory } from "@/server/skills/validator";

const skillMd = (name: string, description: string, body = "\n# Title\n\n## When to Use\n\nAlways.\n") =>
  `---\nname: ${name}\ndescription: ${description}\n---\n${body}`;

let root: string;
beforeEach(async () => {
  root = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "skill-library-")), "skills");
});
afterEach(async () => {
  await fs.rm(path.dirname(root), { recursive: true, force: true });
});

describe("concurrent registration (SPEC §4 guarantee 4)", () => {
  it("50 registrations of 10 paths: exactly 10 win, 40 CONFLICT, the index lists all 10 with the winners' content", async () => {
    libraryFor(root, { seedDir: null });
    const paths = Array.from({ length: 10 }, (_, i) => `cat${i % 3}/skill-${i}`);
    const attempts = Array.from({ length: 50 }, (_, k) => ({ skillPath: paths[k % 10] ?? "", writer: k }));
    const results = await Promise.allSettled(
      attempts.map(({ skillPath, writer }) =>
        registerSkill({
          root,
          skillPath,
          skillMd: skillMd(skillPath.split("/")[1] ?? "", `Use when writer ${writer} wins`),
        }),
      ),
    );
    const won = results.flatMap((result, k) => (result.status === "fulfilled" ? [attempts[k]] : []));
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(won).toHaveLength(10);
    expect(lost).toHaveLength(40);
    for (const failure of lost) expect((failure.reason as DomainError).code).toBe("CONFLICT");
    expect(new Set(won.map((attempt) => attempt?.skillPath))).toEqual(new Set(paths));

    const listed = await libraryFor(root).list();
    expect(listed.map((entry) => entry.path).sort()).toEqual([...paths].sort());
    for (const attempt of won) {
      const onDisk = await fs.readFile(path.join(root, attempt?.skillPath ?? "", "SKILL.md"), "utf8");
      expect(onDisk).toContain(`writer ${attempt?.writer} wins`);
      expect(listed.find((entry) => entry.path === attempt?.skillPath)?.description).toBe(
        `Use when writer ${attempt?.writer} wins`,
      );
    }
    const leftovers = await fs.readdir(path.join(root, "_tmp")).catch(() => []);
    expect(leftovers).toEqual([]);
  });

  it("overwrite replaces an existing skill atomically", async () => {
    libraryFor(root, { seedDir: null });
    await registerSkill({ root, skillPath: "a/one", skillMd: skillMd("one", "Use when first") });
    await expect(
      registerSkill({ root, skillPath: "a/one", skillMd: skillMd("one", "Use when second") }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await registerSkill({ root, skillPath: "a/one", skillMd: skillMd("one", "Use when second"), overwrite: true });
    expect((await get("a/one", root)).description).toBe("Use when second");
  });

  it("refuses hostile paths before touching the disk", async () => {
    libraryFor(root, { seedDir: null });
    for (const bad of ["../escape", "/abs/x", "a\\b", "a/\0b", "_drafts/x", "ａ/b"]) {
      await expect(registerSkill({ root, skillPath: bad, skillMd: skillMd("x", "y") })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    expect(await fs.readdir(path.dirname(root))).not.toContain("escape");
  });

  it("refuses to write through a symlink planted in the root", async () => {
    const outside = path.join(path.dirname(root), "outside");
    await fs.mkdir(outside);
    await fs.mkdir(root, { recursive: true });
    await fs.symlink(outside, path.join(root, "evil"));
    libraryFor(root, { seedDir: null });
    await expect(registerSkill({ root, skillPath: "evil/skill", skillMd: skillMd("skill", "y") })).rejects.toThrow(
      /symlink/,
    );
    expect(await fs.readdir(outside)).toEqual([]);
  });
});

describe("views", () => {
  beforeEach(async () => {
    libraryFor(root, { seedDir: null });
    await registerSkill({
      root,
      skillPath: "python/async",
      skillMd: skillMd("async", "Use when writing asyncio code & <tasks>"),
      metadata: { tags: ["concurrency"] },
    });
    await registerSkill({ root, skillPath: "python/typing", skillMd: skillMd("typing", "Use when adding type hints") });
    await registerSkill({
      root,
      skillPath: "web/react-vite",
      skillMd: skillMd("react-vite", "Use when starting a React app"),
    });
    // Not skills: a draft, a temp folder, a hidden folder, a folder without SKILL.md.
    for (const dir of ["_drafts/job/x", "_tmp/y", ".git/z", "empty/folder"])
      await fs.mkdir(path.join(root, dir), { recursive: true });
    await fs.writeFile(path.join(root, "_drafts/job/x/SKILL.md"), skillMd("x", "draft"));
    await fs.writeFile(path.join(root, ".git/z/SKILL.md"), skillMd("z", "hidden"));
    await libraryFor(root).invalidate();
  });

  it("tree nests categories and marks skills, skipping _ and hidden folders", async () => {
    const nodes = await tree(root);
    expect(nodes.map((node) => node.path)).toEqual(["python", "web"]);
    expect(nodes[0]?.skill).toBeNull();
    expect(nodes[0]?.children.map((child) => [child.path, child.skill?.name])).toEqual([
      ["python/async", "async"],
      ["python/typing", "typing"],
    ]);
  });

  it("search matches name, tags, description and path, case-insensitively, name first", async () => {
    expect((await search("ASYNC", root)).map((entry) => entry.path)).toEqual(["python/async"]);
    expect((await search("concurrency", root)).map((entry) => entry.path)).toEqual(["python/async"]);
    expect((await search("type hints", root)).map((entry) => entry.path)).toEqual(["python/typing"]);
    expect((await search("python", root)).map((entry) => entry.path)).toEqual(["python/async", "python/typing"]);
    expect(await search("nothing-matches", root)).toEqual([]);
    expect(await search("", root)).toHaveLength(3);
  });

  it("get returns content, files and metadata; unknown paths are NOT_FOUND", async () => {
    const detail = await get("python/async", root);
    expect(detail.content).toContain("name: async");
    expect([...detail.files].sort()).toEqual(["SKILL.md", "metadata.json"]);
    expect(detail.metadata).toMatchObject({ skill_id: "python/async", tags: ["concurrency"] });
    await expect(get("python/missing", root)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(get("../python/async", root)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("<available_skills> XML lists skills sorted by path, escaped, with SKILL.md locations relative to the root", async () => {
    const xml = await availableSkillsXml(root);
    const lines = xml.split("\n");
    expect(lines[0]).toBe("<available_skills>");
    expect(lines.at(-1)).toBe("</available_skills>");
    expect(lines.slice(1, 6)).toEqual([
      "  <skill>",
      "    <name>async</name>",
      "    <description>Use when writing asyncio code &amp; &lt;tasks&gt;</description>",
      "    <location>python/async/SKILL.md</location>",
      "  </skill>",
    ]);
    expect(xml.match(/<skill>/g)).toHaveLength(3);
    expect(xml).not.toContain("draft");
  });

  it("picks up skills added by hand after a rescan", async () => {
    await libraryFor(root).list();
    await fs.mkdir(path.join(root, "ops/by-hand"), { recursive: true });
    await fs.writeFile(path.join(root, "ops/by-hand/SKILL.md"), skillMd("by-hand", "Use when 'quoted' \"text\""));
    expect((await libraryFor(root).list()).map((entry) => entry.path)).not.toContain("ops/by-hand");
    await libraryFor(root).invalidate();
    expect(await availableSkillsXml(root)).toContain(
      "<description>Use when &apos;quoted&apos; &quot;text&quot;</description>",
    );
  });
});

describe("seeding", () => {
  it("copies the example skills into an empty root once, and every seed passes validation without warnings", async () => {
    const library = new SkillLibrary(root);
    const seeded = await library.list();
    expect(seeded.length).toBeGreaterThanOrEqual(5);
    for (const entry of seeded) {
      const report = await validateSkillDirectory(entry.dir);
      expect(report.findings).toEqual([]);
    }
    await fs.rm(path.join(root, seeded[0]?.path ?? ""), { recursive: true });
    await new SkillLibrary(root).list();
    expect(await fs.stat(path.join(root, seeded[0]?.path ?? "")).catch(() => null)).toBeNull();
  });

  it("does not seed a root that already has skills", async () => {
    await fs.mkdir(path.join(root, "mine/own"), { recursive: true });
    await fs.writeFile(path.join(root, "mine/own/SKILL.md"), skillMd("own", "Use when mine"));
    expect((await new SkillLibrary(root).list()).map((entry) => entry.path)).toEqual(["mine/own"]);
  });
});
