import { createHash } from "node:crypto";
import { badRequest } from "../../common/errors";
import { MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES } from "../archive";
import { parseRelativeFile, skillIdToName } from "../paths";
import { isMapping, parseFrontmatterYaml, splitSkillMd } from "../skill-md";
import { decodeFile } from "../validator/context";
import type { SkillFacts, SkillFileData } from "./types";

/**
 * A skill's files as the library keeps them: bytes with their size and sha256, paths checked like every path input
 * (server/skills/paths.ts), limits shared with uploaded zips, and the facts (name, description, category, tags)
 * the library shows, read from SKILL.md and metadata.json.
 */

export const MAX_SKILL_FILES = MAX_ZIP_ENTRIES;
export const MAX_SKILL_BYTES = MAX_UNZIPPED_BYTES;

export const sha256Of = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

export function fileData(path: string, bytes: Uint8Array): SkillFileData {
  return { path: parseRelativeFile(path), bytes, size: bytes.byteLength, sha256: sha256Of(bytes) };
}

export const textBytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, "utf8"));

/** The file's text, or null when it is binary (not UTF-8, or holding NUL bytes). */
export const textOf = (file: { bytes: Uint8Array }): string | null => decodeFile(file.bytes).text;

/** Sorted by path, checked: a SKILL.md, no duplicate path, within the count and size limits. */
export function checkedFileSet(files: SkillFileData[]): SkillFileData[] {
  if (!files.some((file) => file.path === "SKILL.md")) throw badRequest("A skill needs a SKILL.md at its top");
  if (files.length > MAX_SKILL_FILES) throw badRequest(`A skill has at most ${MAX_SKILL_FILES} files`);
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > MAX_SKILL_BYTES) throw badRequest(`A skill holds at most ${MAX_SKILL_BYTES / 1024 / 1024} MB`);
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) throw badRequest(`The file "${file.path}" appears twice`);
    seen.add(file.path);
  }
  return [...files].sort((a, b) => a.path.localeCompare(b.path));
}

function frontmatterOf(text: string): Record<string, unknown> {
  const split = splitSkillMd(text);
  if (split.kind !== "ok") return {};
  const parsed = parseFrontmatterYaml(split.yamlText);
  return !parsed.error && isMapping(parsed.value) ? parsed.value : {};
}

function jsonOf(text: string | null): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text ?? "");
    return isMapping(value) ? value : {};
  } catch {
    return {};
  }
}

function tagsOf(metadataJson: Record<string, unknown>, frontmatter: Record<string, unknown>): string[] {
  if (Array.isArray(metadataJson.tags))
    return metadataJson.tags.filter((tag): tag is string => typeof tag === "string");
  const inline = isMapping(frontmatter.metadata) ? frontmatter.metadata.tags : undefined;
  return typeof inline === "string" ? inline.split(/[,\s]+/).filter(Boolean) : [];
}

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : null;

/** What the library lists for a skill at `skillPath` with these files. */
export function factsOf(skillPath: string, files: SkillFileData[]): SkillFacts {
  const find = (name: string) => files.find((file) => file.path === name);
  const skillMd = find("SKILL.md");
  const metadataFile = find("metadata.json");
  const frontmatter = frontmatterOf((skillMd && textOf(skillMd)) ?? "");
  const metadataJson = jsonOf(metadataFile ? textOf(metadataFile) : null);
  return {
    path: skillPath,
    name: (text(frontmatter.name) ?? text(metadataJson.name) ?? skillIdToName(skillPath)).slice(0, 128),
    description: text(frontmatter.description) ?? text(metadataJson.description) ?? "",
    category: skillPath.split("/").slice(0, -1).join("/"),
    tags: tagsOf(metadataJson, frontmatter),
  };
}

/** A file as an editor or an upload sends it: new text, new bytes (base64), or a file of the base version kept. */
export type FileInput =
  { path: string; text: string } | { path: string; base64: string } | { path: string; from: string };

/** The file set an edit describes, against the files of the version it was made on (`from` renames or keeps). */
export function resolveFileInputs(inputs: FileInput[], base: SkillFileData[]): SkillFileData[] {
  const byPath = new Map(base.map((file) => [file.path, file]));
  return inputs.map((input) => {
    if ("text" in input) return fileData(input.path, textBytes(input.text));
    if ("base64" in input) return fileData(input.path, new Uint8Array(Buffer.from(input.base64, "base64")));
    const kept = byPath.get(input.from);
    if (!kept) throw badRequest(`"${input.from}" is not a file of the version this edit was made on`);
    return fileData(input.path, kept.bytes);
  });
}
