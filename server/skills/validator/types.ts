import type { SecurityReport } from "../../../contracts/security-report";
import type { ContentScores, FindingView, QualityDetails, SEVERITIES, TIERS } from "../../../contracts/validation";
import type { ParsedYaml, SkillMdSplit } from "../skill-md";

export type Tier = (typeof TIERS)[number];
export type Severity = (typeof SEVERITIES)[number];

/**
 * One finding; `path` is the file it is about, relative to the skill's parent (`my-skill/SKILL.md`), or
 * `SKILL.md` for pasted text.
 */
export type Finding = FindingView;

/** Pass = no spec error, `scores.overall` at or above `quality.threshold`, and a security risk below high. */
export interface ValidationReport {
  passed: boolean;
  findings: Finding[];
  scores: ContentScores;
  quality: QualityDetails;
  /** The security scan of the same files (always set by the validator; optional for reports stored before it). */
  security?: SecurityReport;
}

export interface SkillFile {
  /** UTF-8 text, or null for binary content (only its size matters then). */
  text: string | null;
  size: number;
}

export interface SkillMdView {
  text: string;
  split: SkillMdSplit;
  yaml: ParsedYaml | null;
  /** The frontmatter when it parsed to a mapping, else null (the spec rules report why). */
  frontmatter: Record<string, unknown> | null;
  body: string;
  bodyFirstLine: number;
}

/** Everything a rule may look at: one skill folder (or one pasted SKILL.md), already read and parsed once. */
export interface SkillContext {
  /** Folder name used in finding paths and for the name/folder rule. */
  folder: string;
  /**
   * False when the folder name is unknown (pasted text without one): the name/folder rule then has nothing to compare.
   */
  folderKnown: boolean;
  /** True for folders, file maps and zips; folder-level rules are skipped for a lone SKILL.md text. */
  hasFolder: boolean;
  /** Files keyed by their path inside the folder (`SKILL.md`, `references/api.md`). */
  files: Map<string, SkillFile>;
  /** Every directory inside the folder, including ones only implied by file paths. */
  dirs: Set<string>;
  symlinks: string[];
  skillMd: SkillMdView | null;
  /** The pass mark for the content score (SKILL_FLEET_QUALITY_THRESHOLD unless a caller sets one). */
  threshold: number;
}

export interface RuleHit {
  message: string;
  /** Path inside the folder; SKILL.md when omitted. */
  file?: string;
  line?: number;
}

export interface Rule {
  id: string;
  tier: Tier;
  severity: Severity;
  /** `folder` rules need the whole skill folder and are skipped when only SKILL.md text is validated. */
  scope: "content" | "folder";
  check(ctx: SkillContext): RuleHit[];
}
