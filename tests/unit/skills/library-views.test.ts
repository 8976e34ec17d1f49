import { describe, expect, it } from "vitest";
import { buildTree, renderAvailableSkills, searchEntries } from "@/server/skills/library/views";

/** Pure views over the library's skills: tree, search and the `<available_skills>` XML. */
const SKILLS = [
  {
    path: "python/async",
    name: "async",
    description: "Use when writing asyncio code & <tasks>",
    tags: ["concurrency"],
  },
  { path: "python/typing", name: "typing", description: "Use when adding type hints", tags: [] },
  { path: "web/react-vite", name: "react-vite", description: "Use when 'quoted' \"text\"", tags: [] },
];

describe("library views", () => {
  it("tree nests categories and marks skills", () => {
    const nodes = buildTree(SKILLS);
    expect(nodes.map((node) => node.path)).toEqual(["python", "web"]);
    expect(nodes[0]?.skill).toBeNull();
    expect(nodes[0]?.children.map((child) => [child.path, child.skill?.name])).toEqual([
      ["python/async", "async"],
      ["python/typing", "typing"],
    ]);
  });

  it("search matches name, tags, description and path, case-insensitively, name first", () => {
    const paths = (q: string) => searchEntries(SKILLS, q).map((entry) => entry.path);
    expect(paths("ASYNC")).toEqual(["python/async"]);
    expect(paths("concurrency")).toEqual(["python/async"]);
    expect(paths("type hints")).toEqual(["python/typing"]);
    expect(paths("python")).toEqual(["python/async", "python/typing"]);
    expect(paths("nothing-matches")).toEqual([]);
    expect(paths("")).toHaveLength(3);
  });

  it("<available_skills> lists skills by path, escaped, located by their path in an export (no server folder)", () => {
    const lines = renderAvailableSkills([...SKILLS].reverse()).split("\n");
    expect(lines[0]).toBe("<available_skills>");
    expect(lines.at(-1)).toBe("</available_skills>");
    expect(lines.slice(1, 6)).toEqual([
      "  <skill>",
      "    <name>async</name>",
      "    <description>Use when writing asyncio code &amp; &lt;tasks&gt;</description>",
      "    <location>python/async/SKILL.md</location>",
      "  </skill>",
    ]);
    expect(lines).toContain("    <description>Use when &apos;quoted&apos; &quot;text&quot;</description>");
    expect(lines.filter((line) => line === "  <skill>")).toHaveLength(3);
  });
});
