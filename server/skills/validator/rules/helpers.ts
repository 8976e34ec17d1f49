import type { SkillContext } from "../types";

/** Small readers shared by the rules: frontmatter values, their lines, body lines, local links. */

export function frontmatterValue(ctx: SkillContext, key: string): { present: boolean; value: unknown } {
  const frontmatter = ctx.skillMd?.frontmatter;
  if (!frontmatter || !Object.hasOwn(frontmatter, key)) return { present: false, value: undefined };
  return { present: true, value: frontmatter[key] };
}

/** The file line of a top-level frontmatter key, or the opening line when the key is absent. */
export function keyLine(ctx: SkillContext, key: string): number {
  return ctx.skillMd?.yaml?.keyLines.get(key) ?? 1;
}

export function stringValue(ctx: SkillContext, key: string): string | null {
  const { value } = frontmatterValue(ctx, key);
  return typeof value === "string" ? value : null;
}

/** The declared name, trimmed and NFKC-normalised as the Agent Skills reference validator does. */
export function normalisedName(ctx: SkillContext): string | null {
  const name = stringValue(ctx, "name");
  if (name === null || name.trim() === "") return null;
  return name.trim().normalize("NFKC");
}

export const charCount = (text: string): number => Array.from(text).length;

/** Spec name format: lowercase letters (any script) and digits, single hyphens between them. */
export function nameFormatProblems(name: string): string[] {
  const problems: string[] = [];
  if (name !== name.toLowerCase()) problems.push("must be lowercase");
  if (!/^[\p{L}\p{N}-]+$/u.test(name)) problems.push("may only contain letters, digits and hyphens");
  if (name.startsWith("-") || name.endsWith("-")) problems.push("must not start or end with a hyphen");
  if (name.includes("--")) problems.push("must not contain consecutive hyphens");
  return problems;
}

/** The 1-based file line of the first body line matching `pattern`, or the body's first line. */
export function bodyLine(ctx: SkillContext, pattern: RegExp): number {
  const view = ctx.skillMd;
  if (!view) return 1;
  const index = view.body.split("\n").findIndex((line) => pattern.test(line));
  return view.bodyFirstLine + Math.max(index, 0);
}

export interface LocalLink {
  target: string;
  line: number;
}

const LINK = /\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

function localTarget(raw: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith("#") || raw.startsWith("/")) return null;
  const target = raw.split("#")[0]?.split("?")[0]?.replace(/^\.\//, "") ?? "";
  return target === "" ? null : decodeURIComponentSafe(target).replace(/\/$/, "");
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Relative markdown links outside fenced code blocks, with their file lines. */
export function localLinks(text: string, firstLine = 1): LocalLink[] {
  const links: LocalLink[] = [];
  let inFence = false;
  text.split("\n").forEach((line, index) => {
    if (/^\s*```/.test(line)) inFence = !inFence;
    if (inFence) return;
    for (const match of line.matchAll(LINK)) {
      const target = localTarget(match[1] ?? "");
      if (target) links.push({ target, line: firstLine + index });
    }
  });
  return links;
}

/** Joins a link target to the directory of the file it appears in (`references/a.md` + `b.md`). */
export function resolveLink(fromFile: string, target: string): string {
  const parts = fromFile.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

export function topLevelDirs(ctx: SkillContext): string[] {
  return [...ctx.dirs].filter((dir) => !dir.includes("/") && !dir.startsWith(".")).sort();
}
