import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/server/common/errors";
import {
  assertNoSymlinks,
  parseArchiveEntry,
  parseJobId,
  parseRelativeFile,
  parseTaxonomyPath,
  resolveUnder,
  safePath,
  skillIdToName,
} from "@/server/skills/paths";

/** Every hostile input must be a BAD_REQUEST DomainError whose message says what is wrong. */
function rejection(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("BAD_REQUEST");
    return error as DomainError;
  }
  throw new Error("expected a rejection");
}

const HOSTILE: [string, unknown, RegExp][] = [
  ["traversal", "../etc/passwd", /"\." or "\.\." segments/],
  ["inner traversal", "python/../../outside", /"\." or "\.\." segments/],
  ["dot segment", "python/./async", /"\." or "\.\." segments/],
  ["absolute", "/etc/passwd", /relative, not absolute/],
  ["windows drive", "C:/Windows", /relative, not absolute/],
  ["NUL byte", "python\0/async", /NUL byte/],
  ["backslash", "python\\async", /backslash/],
  ["backslash traversal", "..\\..\\etc", /backslash/],
  ["empty", "", /non-empty string/],
  ["not a string", 42, /non-empty string/],
  ["double slash", "python//async", /empty segment/],
  ["trailing slash", "python/async/", /empty segment/],
  ["fullwidth look-alike", "ｐｙｔｈｏｎ/async", /may only contain/],
  ["one-dot leaders (NFKC → ..)", "\u2024\u2024/etc", /may only contain/],
  ["Cyrillic look-alike", "руthon/async", /may only contain/],
  ["fraction slash", "python\u2044async", /may only contain/],
  ["over-long segment", `python/${"a".repeat(65)}`, /longer than 64/],
  ["over-long path", "a/".repeat(300) + "a", /too long/],
  ["too deep", "a/b/c/d/e/f/g", /too deep/],
];

describe("taxonomy paths", () => {
  it.each(HOSTILE)("refuses %s", (_label, value, message) => {
    expect(rejection(() => parseTaxonomyPath(value)).message).toMatch(message);
  });

  it("refuses system folders and hidden folders", () => {
    expect(rejection(() => parseTaxonomyPath("_drafts/x")).message).toMatch(/must start with a letter or digit/);
    expect(rejection(() => parseTaxonomyPath(".git/config")).message).toMatch(
      /"\." or "\.\."|must start with a letter or digit/,
    );
  });

  it("accepts ordinary paths unchanged", () => {
    expect(parseTaxonomyPath("python/async")).toBe("python/async");
    expect(parseTaxonomyPath("Web_Dev/react-vite")).toBe("Web_Dev/react-vite");
  });
});

describe("job ids", () => {
  it.each(HOSTILE)("refuses %s", (_label, value) => {
    rejection(() => parseJobId(value));
  });

  it("accepts a UUID and lower-cases it", () => {
    expect(parseJobId("0F8FAD5B-D9CB-469F-A165-70867728950E")).toBe("0f8fad5b-d9cb-469f-a165-70867728950e");
    expect(rejection(() => parseJobId("not-a-uuid")).message).toMatch(/not a UUID/);
  });
});

describe("file names inside drafts and zips", () => {
  it.each(HOSTILE.filter(([label]) => !["over-long segment", "too deep"].includes(label)))(
    "refuses %s",
    (_label, value) => {
      rejection(() => parseRelativeFile(value));
    },
  );

  it("refuses hidden files, over-long names and deep nesting", () => {
    expect(rejection(() => parseRelativeFile("scripts/.env")).message).toMatch(/must not start with "\."/);
    expect(rejection(() => parseRelativeFile("a..b")).message).toMatch(/may only contain/);
    expect(rejection(() => parseRelativeFile(`${"n".repeat(129)}.md`)).message).toMatch(/longer than 128/);
    expect(rejection(() => parseRelativeFile("a/b/c/d/e/f/g/h/i.md")).message).toMatch(/too deep/);
  });

  it("accepts nested files", () => {
    expect(parseRelativeFile("references/api-v2.md")).toBe("references/api-v2.md");
  });

  it("zip entries: hostile names refused, packaging junk skipped, folders kept", () => {
    rejection(() => parseArchiveEntry("../evil.sh"));
    rejection(() => parseArchiveEntry("/abs/evil.sh"));
    rejection(() => parseArchiveEntry("skill\\..\\evil"));
    expect(parseArchiveEntry("__MACOSX/skill/._SKILL.md")).toBeNull();
    expect(parseArchiveEntry("skill/.DS_Store")).toBeNull();
    expect(parseArchiveEntry("skill/examples/")).toBe("skill/examples/");
  });
});

describe("resolution under the root", () => {
  let root: string;
  let outside: string;
  beforeAll(async () => {
    const base = await fs.mkdtemp(path.join(os.tmpdir(), "skill-paths-"));
    root = path.join(base, "root");
    outside = path.join(base, "outside");
    await fs.mkdir(path.join(root, "python"), { recursive: true });
    await fs.mkdir(outside);
    await fs.symlink(outside, path.join(root, "linked"));
  });
  afterAll(async () => {
    await fs.rm(path.dirname(root), { recursive: true, force: true });
  });

  it("proves containment even for unvalidated parts", () => {
    expect(resolveUnder(root, "python", "async")).toBe(path.join(root, "python", "async"));
    rejection(() => resolveUnder(root, "..", "outside"));
    rejection(() => resolveUnder(root, "/etc"));
  });

  it("refuses a path that goes through a symlink, even to a missing file", async () => {
    await expect(assertNoSymlinks(root, path.join(root, "linked", "new", "SKILL.md"))).rejects.toThrow(/symlink/);
    await expect(safePath(root, "linked")).rejects.toThrow(/symlink/);
    await expect(safePath(root, "python", "not-yet")).resolves.toBe(path.join(root, "python", "not-yet"));
  });
});

describe("name derivation (docs/skill-format.md, Paths)", () => {
  it.each([
    ["_core/reasoning", "reasoning"],
    ["mcp_capabilities/tool_integration", "tool-integration"],
    ["python/Async__IO!", "async-io"],
    ["x/--a--", "a"],
  ])("%s → %s", (id, name) => {
    expect(skillIdToName(id)).toBe(name);
  });
});
