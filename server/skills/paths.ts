import fs from "node:fs/promises";
import path from "node:path";
import { env } from "../common/env";
import { badRequest } from "../common/errors";
import { sanitizeForLog } from "../common/sanitize";

/**
 * The only way a caller-supplied path reaches the file system. Every input (taxonomy path, job id, file name
 * inside a draft or a zip) is checked against an ASCII whitelist *before* any normalisation, so traversal,
 * absolute paths, NUL bytes, backslashes and Unicode look-alikes (fullwidth letters, "․" one-dot leaders that
 * NFKC turns into ".") are all refused with a clear BAD_REQUEST. Resolution then re-checks containment and
 * refuses symlinks on the way, so nothing is read or written outside the skills root.
 */

export const MAX_SEGMENT_LENGTH = 64;
export const MAX_TAXONOMY_DEPTH = 6;
export const MAX_FILE_SEGMENT_LENGTH = 128;
export const MAX_FILE_DEPTH = 8;
export const MAX_RELATIVE_PATH_LENGTH = 512;

const TAXONOMY_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const FILE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
/** Segments of paths that are only ever looked up in memory: Unicode letters, digits and marks allowed. */
const MEMORY_SEGMENT = /^[\p{L}\p{N}_-][\p{L}\p{N}\p{M}._-]*$/u;
const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const shown = (value: unknown): string => JSON.stringify(sanitizeForLog(value, 80));

function commonChecks(kind: string, value: unknown, maxLength: number): string {
  if (typeof value !== "string" || value.length === 0) throw badRequest(`${kind} must be a non-empty string`);
  if (value.length > maxLength)
    throw badRequest(`${kind} is too long (${value.length} characters, at most ${maxLength})`);
  if (value.includes("\0")) throw badRequest(`${kind} ${shown(value)} contains a NUL byte`);
  if (value.includes("\\")) throw badRequest(`${kind} ${shown(value)} contains a backslash; use "/" between segments`);
  if (value.startsWith("/") || /^[A-Za-z]:/.test(value))
    throw badRequest(`${kind} ${shown(value)} must be relative, not absolute`);
  if (value.split("/").some((segment) => segment === ".." || segment === ".")) {
    throw badRequest(`${kind} ${shown(value)} must not contain "." or ".." segments`);
  }
  return value;
}

function segmentsOf(kind: string, value: string, maxDepth: number): string[] {
  const segments = value.split("/");
  if (segments.some((segment) => segment === ""))
    throw badRequest(`${kind} ${shown(value)} has an empty segment (leading, trailing or double "/")`);
  if (segments.length > maxDepth)
    throw badRequest(`${kind} ${shown(value)} is too deep (${segments.length} levels, at most ${maxDepth})`);
  return segments;
}

/**
 * A taxonomy path such as `python/async`: 1–6 segments of ASCII letters, digits, "-" and "_", each starting
 * with a letter or digit (so `_drafts`, `_tmp` and hidden folders can never be addressed as skills).
 */
export function parseTaxonomyPath(value: unknown): string {
  const text = commonChecks("Skill path", value, MAX_SEGMENT_LENGTH * MAX_TAXONOMY_DEPTH);
  const segments = segmentsOf("Skill path", text, MAX_TAXONOMY_DEPTH);
  for (const segment of segments) {
    if (segment.length > MAX_SEGMENT_LENGTH)
      throw badRequest(`Skill path segment ${shown(segment)} is longer than ${MAX_SEGMENT_LENGTH} characters`);
    if (!TAXONOMY_SEGMENT.test(segment)) {
      throw badRequest(
        `Skill path segment ${shown(segment)} may only contain ASCII letters, digits, "-" and "_", and must start with a letter or digit`,
      );
    }
  }
  return segments.join("/");
}

/** A job id is a UUID (the Job table's key); returned lower-cased so one job has one folder. */
export function parseJobId(value: unknown): string {
  const text = commonChecks("Job id", value, 64);
  if (!JOB_ID.test(text)) throw badRequest(`Job id ${shown(text)} is not a UUID`);
  return text.toLowerCase();
}

/**
 * A file path inside a skill (draft files, zip entries, `files` maps): nested segments of ASCII letters,
 * digits, ".", "-" and "_"; no hidden files, no "..".
 */
export function parseRelativeFile(value: unknown, kind = "File name"): string {
  return checkedSegments(value, kind, FILE_SEGMENT, "ASCII letters, digits");
}

/**
 * A path inside a skill that is validated in memory and never touches the file system (a `files` map or zip
 * entry sent to skills.validate): the same checks, but Unicode letters are allowed, because the specification
 * allows skill names (and so folder names) such as `données-csv`. Punctuation look-alikes stay refused.
 */
export function parseInMemoryPath(value: unknown, kind = "File path"): string {
  return checkedSegments(value, kind, MEMORY_SEGMENT, "letters, digits");
}

function checkedSegments(value: unknown, kind: string, allowed: RegExp, what: string): string {
  const text = commonChecks(kind, value, MAX_RELATIVE_PATH_LENGTH);
  const segments = segmentsOf(kind, text, MAX_FILE_DEPTH);
  for (const segment of segments) {
    if (segment.length > MAX_FILE_SEGMENT_LENGTH)
      throw badRequest(`${kind} segment ${shown(segment)} is longer than ${MAX_FILE_SEGMENT_LENGTH} characters`);
    if (!allowed.test(segment) || segment.includes("..")) {
      throw badRequest(
        `${kind} ${shown(text)}: segments may only contain ${what}, ".", "-" and "_", and must not start with "."`,
      );
    }
  }
  return segments.join("/");
}

/**
 * A zip entry name (uploaded zips are only validated in memory): checked like any in-memory path, except that
 * packaging junk (`__MACOSX/`, `.DS_Store`, hidden files) returns null so it can be skipped instead of failing
 * the whole upload. A trailing "/" marks a folder.
 */
export function parseArchiveEntry(value: unknown): string | null {
  const text = commonChecks("Zip entry", value, MAX_RELATIVE_PATH_LENGTH);
  const bare = text.endsWith("/") ? text.slice(0, -1) : text;
  if (bare.split("/").some((segment) => segment.startsWith(".") || segment === "__MACOSX")) return null;
  const parsed = parseInMemoryPath(bare, "Zip entry");
  return text.endsWith("/") ? `${parsed}/` : parsed;
}

/** The configured skills root as an absolute path (or the one a caller passed, e.g. a test's temp folder). */
export function skillsRoot(root?: string): string {
  return path.resolve(/*turbopackIgnore: true*/ root ?? env().SKILL_FLEET_SKILLS_ROOT);
}

/** Joins already-validated relative parts under the root and proves the result stays inside it. */
export function resolveUnder(root: string, ...relative: string[]): string {
  const base = path.resolve(/*turbopackIgnore: true*/ root);
  const target = path.resolve(/*turbopackIgnore: true*/ base, ...relative);
  if (target !== base && !target.startsWith(base + path.sep))
    throw badRequest(`Path ${shown(relative.join("/"))} escapes the skills root`);
  return target;
}

/**
 * Refuses a path if any existing component below the root is a symlink: a link planted inside the root could
 * otherwise redirect a read or a write anywhere on the machine. Missing components are fine (not created yet).
 */
export async function assertNoSymlinks(root: string, target: string): Promise<void> {
  const base = path.resolve(/*turbopackIgnore: true*/ root);
  const relative = path.relative(base, target);
  let current = base;
  for (const segment of relative === "" ? [] : relative.split(path.sep)) {
    current = path.join(current, segment);
    const stat = await fs.lstat(/*turbopackIgnore: true*/ current).catch(() => null);
    if (!stat) return;
    if (stat.isSymbolicLink())
      throw badRequest(`Path ${shown(path.relative(base, current))} is a symlink; symlinks are not followed`);
  }
}

/** resolveUnder + assertNoSymlinks: the safe absolute path for validated relative parts. */
export async function safePath(root: string, ...relative: string[]): Promise<string> {
  const target = resolveUnder(root, ...relative);
  await assertNoSymlinks(root, target);
  return target;
}

/**
 * The name derived from a taxonomy path (docs/skill-format.md, Paths): `mcp_capabilities/tool_integration` → `tool-
 * integration`.
 */
export function skillIdToName(skillId: string): string {
  const last = skillId.split("/").pop() ?? "";
  return last
    .replace(/^_+/, "")
    .replace(/_/g, "-")
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "")
    .replace(/-+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);
}
