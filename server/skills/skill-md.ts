import { isMap, LineCounter, parseDocument, stringify } from "yaml";
import { badRequest } from "../common/errors";

/**
 * SKILL.md = a YAML frontmatter block between `---` lines, then a markdown body. Parsing is strict (yaml
 * library: duplicate keys and non-mapping frontmatter are errors); the body is kept byte for byte, so
 * parse → serialise → parse never changes it.
 */

/** Frontmatter keys are free-form YAML; the validator decides what is acceptable. */
export type SkillFrontmatter = Record<string, unknown>;

export interface SkillMdDocument {
  frontmatter: SkillFrontmatter;
  body: string;
}

export type SkillMdSplit =
  | { kind: "missing" }
  | { kind: "unclosed" }
  | { kind: "ok"; yamlText: string; yamlFirstLine: number; body: string; bodyFirstLine: number };

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*(?:\r?\n|$)/m;

const linesIn = (text: string): number => text.split("\n").length - 1;

/** Finds the frontmatter block: the file opens with `---` and the block ends at the first line that is `---`. */
export function splitSkillMd(text: string): SkillMdSplit {
  const opening = OPENING.exec(text);
  if (!opening) return { kind: "missing" };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return { kind: "unclosed" };
  const yamlText = rest.slice(0, closing.index);
  const body = rest.slice(closing.index + closing[0].length);
  const bodyFirstLine = 2 + linesIn(yamlText) + 1;
  return { kind: "ok", yamlText, yamlFirstLine: 2, body, bodyFirstLine };
}

export interface ParsedYaml {
  value: unknown;
  /** 1-based file line of each top-level key (for findings). */
  keyLines: Map<string, number>;
  error?: { message: string; line: number };
}

function keyLinesOf(contents: unknown, counter: LineCounter, firstLine: number): Map<string, number> {
  const lines = new Map<string, number>();
  if (!isMap(contents)) return lines;
  for (const pair of contents.items) {
    const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    if (key?.range && key.value !== undefined)
      lines.set(String(key.value), firstLine + counter.linePos(key.range[0]).line - 1);
  }
  return lines;
}

/** Parses frontmatter YAML without throwing: errors (syntax, duplicate keys) come back with their file line. */
export function parseFrontmatterYaml(yamlText: string, firstLine = 2): ParsedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const keyLines = keyLinesOf(doc.contents, counter, firstLine);
  const first = doc.errors[0];
  if (first) {
    const line = firstLine + counter.linePos(first.pos[0]).line - 1;
    return { value: undefined, keyLines, error: { message: first.message.split("\n")[0] ?? first.message, line } };
  }
  try {
    return { value: doc.toJS({ maxAliasCount: 50 }), keyLines };
  } catch (error) {
    return {
      value: undefined,
      keyLines,
      error: { message: error instanceof Error ? error.message : String(error), line: firstLine },
    };
  }
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses SKILL.md; throws BAD_REQUEST on a missing/unclosed block, bad YAML, duplicate keys or a non-mapping. */
export function parseSkillMd(text: string): SkillMdDocument {
  const split = splitSkillMd(text);
  if (split.kind === "missing")
    throw badRequest("SKILL.md must start with a YAML frontmatter block (a first line of ---)");
  if (split.kind === "unclosed")
    throw badRequest("SKILL.md frontmatter is not closed (no line of --- after the opening one)");
  const parsed = parseFrontmatterYaml(split.yamlText, split.yamlFirstLine);
  if (parsed.error)
    throw badRequest(`SKILL.md frontmatter is not valid YAML (line ${parsed.error.line}): ${parsed.error.message}`);
  if (!isMapping(parsed.value)) throw badRequest("SKILL.md frontmatter must be a YAML mapping (key: value lines)");
  return { frontmatter: parsed.value, body: split.body };
}

/** Block-style YAML, keys in insertion order, no line folding (long descriptions stay on one line). */
export function frontmatterYaml(frontmatter: SkillFrontmatter): string {
  return stringify(frontmatter, { lineWidth: 0, minContentWidth: 0 });
}

/** The exact inverse of parseSkillMd for the body: it is appended unchanged after the closing marker. */
export function serializeSkillMd(doc: SkillMdDocument): string {
  return `---\n${frontmatterYaml(doc.frontmatter)}---\n${doc.body}`;
}

export const MAX_DESCRIPTION_CHARS = 1024;

/** Cuts to at most `max` Unicode code points (the spec counts characters, not UTF-16 units). */
export function truncateChars(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join("");
}

/** The spec wants metadata as a string map; values a generator produced as lists or numbers are flattened. */
function asMetadataString(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null))
    return value.map(String).join(", ");
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

export interface FrontmatterFacts {
  name: string;
  description: string;
  /**
   * Merged into `metadata` (docs/skill-format.md, metadata.json: skill_id, version, type, weight), empty values
   * skipped.
   */
  metadata?: Record<string, string | undefined>;
  /** Overrides a frontmatter `allowed-tools` (docs/skill-format.md, SKILL.md: metadata allowed_tools wins). */
  allowedTools?: string | string[];
}

function mergedMetadata(existing: unknown, facts: FrontmatterFacts): Record<string, string> {
  const merged: Record<string, string> = {};
  if (isMapping(existing))
    for (const [key, value] of Object.entries(existing))
      if (value !== null && value !== undefined) merged[key] = asMetadataString(value);
  for (const [key, value] of Object.entries(facts.metadata ?? {})) if (value) merged[key] = value;
  return merged;
}

function allowedToolsString(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (Array.isArray(value)) return value.map(String).join(" ").trim() || undefined;
  return undefined;
}

/**
 * The frontmatter the system writes (docs/skill-format.md, SKILL.md): name, description (≤1024), the other keys of the
 * generated frontmatter in their order, merged `metadata`, then `allowed-tools` as one space-joined string.
 */
export function normaliseFrontmatter(existing: SkillFrontmatter, facts: FrontmatterFacts): SkillFrontmatter {
  const out: SkillFrontmatter = {
    name: facts.name,
    description: truncateChars(facts.description, MAX_DESCRIPTION_CHARS),
  };
  for (const [key, value] of Object.entries(existing)) {
    if (!["name", "description", "metadata", "allowed-tools"].includes(key)) out[key] = value;
  }
  const metadata = mergedMetadata(existing.metadata, facts);
  if (Object.keys(metadata).length > 0) out.metadata = metadata;
  const tools = allowedToolsString(facts.allowedTools ?? existing["allowed-tools"]);
  if (tools) out["allowed-tools"] = tools;
  return out;
}

/** A system-written SKILL.md: normalised frontmatter, `---`, one blank line, the body without leading newlines. */
export function composeSkillMd(frontmatter: SkillFrontmatter, body: string): string {
  return serializeSkillMd({ frontmatter, body: `\n${body.replace(/^(?:\r?\n)+/, "")}` });
}
