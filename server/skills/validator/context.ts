import { env } from "../../common/env";
import { isMapping, parseFrontmatterYaml, splitSkillMd } from "../skill-md";
import type { SkillContext, SkillFile, SkillMdView } from "./types";

/** Builds the one parsed view every rule shares, so a 500-line SKILL.md is split and parsed once. */

export function viewSkillMd(text: string): SkillMdView {
  const split = splitSkillMd(text);
  if (split.kind !== "ok") return { text, split, yaml: null, frontmatter: null, body: text, bodyFirstLine: 1 };
  const yaml = parseFrontmatterYaml(split.yamlText, split.yamlFirstLine);
  const frontmatter = !yaml.error && isMapping(yaml.value) ? yaml.value : null;
  return { text, split, yaml, frontmatter, body: split.body, bodyFirstLine: split.bodyFirstLine };
}

/** Parent directories of a relative path: `a/b/c.md` → `a`, `a/b`. */
function parentDirs(relative: string): string[] {
  const parts = relative.split("/").slice(0, -1);
  return parts.map((_, index) => parts.slice(0, index + 1).join("/"));
}

export interface ContextInput {
  folder: string | null;
  hasFolder: boolean;
  files: Map<string, SkillFile>;
  dirs?: Iterable<string>;
  symlinks?: string[];
  /** Pass mark for the content score; SKILL_FLEET_QUALITY_THRESHOLD when absent. */
  threshold?: number;
}

/** Declared name used as the folder when none is known (pasted text). */
function declaredName(view: SkillMdView | null): string | null {
  const name = view?.frontmatter?.name;
  return typeof name === "string" && name.trim() !== "" ? name.trim() : null;
}

export function buildContext(input: ContextInput): SkillContext {
  const text = input.files.get("SKILL.md")?.text;
  const skillMd = typeof text === "string" ? viewSkillMd(text) : null;
  const dirs = new Set(input.dirs ?? []);
  for (const file of input.files.keys()) for (const dir of parentDirs(file)) dirs.add(dir);
  return {
    folder: input.folder ?? declaredName(skillMd) ?? "skill",
    folderKnown: input.folder !== null,
    hasFolder: input.hasFolder,
    files: input.files,
    dirs,
    symlinks: input.symlinks ?? [],
    skillMd,
    threshold: input.threshold ?? env().SKILL_FLEET_QUALITY_THRESHOLD,
  };
}

/** Files bigger than this are only counted (size rules), never read into memory as text. */
export const MAX_READ_BYTES = 2 * 1024 * 1024;

export function textFile(text: string): SkillFile {
  return { text, size: Buffer.byteLength(text, "utf8") };
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Bytes as text when they are valid UTF-8 without NUL bytes; null marks binary files. */
export function decodeFile(bytes: Uint8Array): SkillFile {
  if (bytes.includes(0)) return { text: null, size: bytes.byteLength };
  try {
    return { text: strictUtf8.decode(bytes), size: bytes.byteLength };
  } catch {
    return { text: null, size: bytes.byteLength };
  }
}

/** Where a finding points: `folder/file` for folders, the bare file name for pasted text. */
export function displayPath(ctx: SkillContext, file: string): string {
  return ctx.hasFolder ? `${ctx.folder}/${file}` : file;
}
