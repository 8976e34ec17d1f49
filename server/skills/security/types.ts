import type { SecuritySeverity } from "../../../contracts/security-report";

/** One file as the scanner receives it: the validator's in-memory shape (text, or null for binary content). */
export interface ScanFile {
  text: string | null;
  size: number;
}

/**
 * What the scanner looks at: a skill's files keyed by their path inside the folder, plus folder facts. A
 * validator `SkillContext` fits this shape, so the validator and the CLI hand over what they already read.
 */
export interface ScanInput {
  /** Folder name used in finding paths; null for a pasted SKILL.md (paths are then bare file names). */
  folder: string | null;
  hasFolder: boolean;
  files: ReadonlyMap<string, ScanFile>;
  /** Symlinks found in the folder (relative paths); they are never followed. */
  symlinks?: readonly string[];
}

export type FileKind = "markdown" | "script" | "config" | "other";

/** Where a line sits in its file: prose, a fenced code block, an HTML comment, or the YAML frontmatter. */
export type LineZone = "prose" | "code" | "comment" | "frontmatter";

export interface ScanLine {
  file: string;
  /** 1-based line number in the file. */
  number: number;
  /** The line as written (invisible characters included). */
  raw: string;
  /** The line with invisible characters removed and tag characters decoded: what an agent reads. */
  text: string;
  zone: LineZone;
  /** Only ASCII characters: nothing hidden, no look-alike letters (lets the Unicode rules skip most lines). */
  ascii: boolean;
  /** The heading of the markdown section the line is in ("" before the first heading and in scripts). */
  section: string;
  /** Index of the block (paragraph, fenced code block, comment or whole script) the line belongs to. */
  block: number;
}

export interface ScanFileView {
  path: string;
  kind: FileKind;
  lines: ScanLine[];
}

/** The parsed skill every rule shares, built once per scan. */
export interface ScanView {
  files: ScanFileView[];
  binaries: { path: string; size: number }[];
  symlinks: readonly string[];
  /** Text files too large to read: the scan cannot vouch for them. */
  unread: string[];
  /** The frontmatter description (with invisible characters removed), "" when absent. */
  description: string;
  /** `allowed-tools` as written in the frontmatter, "" when absent. */
  allowedTools: string;
  /** The skill presents itself as defensive (detecting, auditing, hardening): quoted payloads are its subject. */
  defensive: boolean;
  hasFolder: boolean;
}

export interface RuleHit {
  severity: SecuritySeverity;
  message: string;
  file: string;
  line: number | null;
  evidence: string;
}

export interface SecurityRule {
  id: string;
  /** Family of the threat taxonomy (docs/security-scan.md). */
  family: string;
  check(view: ScanView): RuleHit[];
}
