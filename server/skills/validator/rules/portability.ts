import { MAX_READ_BYTES } from "../context";
import type { Rule, RuleHit, Severity } from "../types";
import {
  charCount,
  frontmatterValue,
  keyLine,
  localLinks,
  nameFormatProblems,
  normalisedName,
  resolveLink,
  stringValue,
} from "./helpers";

/**
 * Portability tier: limits of the places a skill is used (claude.ai uploads, Claude Code, Codex, the skills-ref
 * reference validator) that the Agent Skills specification itself does not impose. Warnings, never errors, and
 * each names the client it is about. Sources are listed in docs/quality.md.
 */

const none: RuleHit[] = [];

const rule = (id: string, severity: Severity, check: Rule["check"], scope: Rule["scope"] = "content"): Rule => ({
  id,
  tier: "portability",
  severity,
  scope,
  check,
});

/** The frontmatter fields of the Agent Skills specification. */
export const SPEC_KEYS = new Set(["name", "description", "license", "compatibility", "metadata", "allowed-tools"]);

/** Extra fields Claude Code reads (its skills documentation); other clients ignore them and skills-ref rejects them. */
export const CLAUDE_CODE_KEYS = new Set([
  "when_to_use",
  "argument-hint",
  "disable-model-invocation",
  "user-invocable",
  "model",
  "effort",
  "context",
  "agent",
  "hooks",
  "paths",
  "shell",
]);

const KEBAB_KEY = /^[a-z0-9-]+$/;
export const MAX_SKILL_BYTES = 8 * 1024 * 1024;
export const MAX_SKILL_MD_LINES = 500;
/** Codex lists a skill by a one-line description of at most this many characters. */
export const CODEX_MAX_DESCRIPTION = 500;
/** Claude Code cuts description + when_to_use at this many characters in its skill listing. */
export const CLAUDE_CODE_LISTING_CHARS = 1536;
export const RESERVED_WORDS = ["claude", "anthropic"];

const descriptionAngleBrackets = rule("portability/description-angle-brackets", "warning", (ctx) => {
  const description = stringValue(ctx, "description");
  if (description === null || !/[<>]/.test(description)) return none;
  return [
    {
      message: "claude.ai refuses uploads whose description contains '<' or '>' (XML-like text); rephrase without them",
      line: keyLine(ctx, "description"),
    },
  ];
});

const reservedWord = rule("portability/reserved-word", "warning", (ctx) => {
  const name = normalisedName(ctx)?.toLowerCase();
  const word = RESERVED_WORDS.find((reserved) => name?.includes(reserved));
  return word
    ? [{ message: `claude.ai refuses skill names containing the reserved word '${word}'`, line: keyLine(ctx, "name") }]
    : none;
});

const codexDescription = rule("portability/codex-description", "warning", (ctx) => {
  const description = stringValue(ctx, "description");
  if (description === null) return none;
  const problems = [
    charCount(description) > CODEX_MAX_DESCRIPTION &&
      `is ${charCount(description)} characters (Codex shows at most ${CODEX_MAX_DESCRIPTION})`,
    description.trim().includes("\n") && "spans several lines (Codex expects one line)",
  ].filter((problem): problem is string => typeof problem === "string");
  if (problems.length === 0) return none;
  return [{ message: `For Codex, the description ${problems.join(" and ")}`, line: keyLine(ctx, "description") }];
});

const claudeCodeListing = rule("portability/claude-code-listing", "warning", (ctx) => {
  const listed = `${stringValue(ctx, "description") ?? ""} ${stringValue(ctx, "when_to_use") ?? ""}`.trim();
  if (charCount(listed) <= CLAUDE_CODE_LISTING_CHARS) return none;
  return [
    {
      message: `Claude Code cuts description and when_to_use at ${CLAUDE_CODE_LISTING_CHARS} characters in its skill listing; these are ${charCount(listed)}`,
      line: keyLine(ctx, "description"),
    },
  ];
});

const topLevelKeys = (frontmatter: Record<string, unknown> | null | undefined): string[] =>
  Object.keys(frontmatter ?? {});

const keyCase = rule("portability/key-case", "warning", (ctx) =>
  topLevelKeys(ctx.skillMd?.frontmatter)
    .filter((key) => !KEBAB_KEY.test(key) && !CLAUDE_CODE_KEYS.has(key))
    .map((key) => ({
      message: `Frontmatter key '${key}' is not kebab-case (lowercase letters, digits, hyphens)`,
      line: keyLine(ctx, key),
    })),
);

// Keys that fail key-case are reported there only: one problem, one finding.
const unknownKey = rule("portability/unknown-key", "warning", (ctx) =>
  topLevelKeys(ctx.skillMd?.frontmatter)
    .filter((key) => KEBAB_KEY.test(key) && !SPEC_KEYS.has(key) && !CLAUDE_CODE_KEYS.has(key))
    .map((key) => ({
      message: `'${key}' is not an Agent Skills field: skills-ref validate rejects it and other clients ignore it; move it under metadata`,
      line: keyLine(ctx, key),
    })),
);

const claudeCodeKey = rule("portability/claude-code-key", "info", (ctx) =>
  topLevelKeys(ctx.skillMd?.frontmatter)
    .filter((key) => CLAUDE_CODE_KEYS.has(key))
    .map((key) => ({
      message: `'${key}' is read by Claude Code; other clients ignore it and skills-ref validate rejects it`,
      line: keyLine(ctx, key),
    })),
);

const nameAscii = rule("portability/name-ascii", "warning", (ctx) => {
  const name = normalisedName(ctx);
  if (name === null || nameFormatProblems(name).length > 0 || /^[a-z0-9-]+$/.test(name)) return none;
  return [
    {
      message: `Skill name '${name}' uses non-ASCII letters: valid for the specification, but claude.ai uploads accept only a-z, 0-9 and hyphens`,
      line: keyLine(ctx, "name"),
    },
  ];
});

const allowedToolsList = rule("portability/allowed-tools-list", "warning", (ctx) => {
  const { value } = frontmatterValue(ctx, "allowed-tools");
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) return none;
  return [
    {
      message:
        "allowed-tools as a YAML list is valid for the specification; Claude Code documents a space-separated string",
      line: keyLine(ctx, "allowed-tools"),
    },
  ];
});

const totalSize = rule(
  "portability/total-size",
  "warning",
  (ctx) => {
    const bytes = [...ctx.files.values()].reduce((sum, file) => sum + file.size, 0);
    if (bytes <= MAX_SKILL_BYTES) return none;
    const size = (bytes / 1024 / 1024).toFixed(1);
    return [{ message: `The skill is ${size} MB; claude.ai skill uploads are limited to 8 MB`, file: "." }];
  },
  "folder",
);

const skillMdSize = rule(
  "portability/skill-md-size",
  "warning",
  (ctx) => {
    const file = ctx.files.get("SKILL.md");
    if (!file || file.size <= MAX_READ_BYTES) return none;
    const size = (file.size / 1024 / 1024).toFixed(1);
    return [
      {
        message: `SKILL.md is ${size} MB: agents load it whole and this validator reads at most 2 MB, so its content was not checked; move detail to references/`,
      },
    ];
  },
  "folder",
);

const skillMdLines = rule("portability/skill-md-lines", "warning", (ctx) => {
  const text = ctx.skillMd?.text;
  if (text === undefined) return none;
  const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  if (lines <= MAX_SKILL_MD_LINES) return none;
  return [
    {
      message: `SKILL.md has ${lines} lines; Claude Code and the specification advise under ${MAX_SKILL_MD_LINES}, with detail in references/ (Codex may stop reading earlier)`,
      line: MAX_SKILL_MD_LINES + 1,
    },
  ];
});

/** Files SKILL.md links to should not send the reader on to further files (one level of references). */
const referenceDepth = rule(
  "portability/reference-depth",
  "warning",
  (ctx) => {
    const view = ctx.skillMd;
    if (!view) return none;
    const referenced = new Set(
      localLinks(view.text)
        .map((link) => resolveLink("SKILL.md", link.target))
        .filter((file) => file.endsWith(".md") && file !== "SKILL.md"),
    );
    return [...referenced].flatMap((file) => {
      const text = ctx.files.get(file)?.text;
      if (!text) return [];
      return localLinks(text)
        .filter((link) => link.target.endsWith(".md") && resolveLink(file, link.target) !== "SKILL.md")
        .map((link) => ({
          message: `${file} links on to ${link.target}: keep references one level deep from SKILL.md`,
          file,
          line: link.line,
        }));
    });
  },
  "folder",
);

const symlink = rule(
  "portability/symlink",
  "warning",
  (ctx) =>
    ctx.symlinks.map((file) => ({
      message: `${file} is a symlink: it is not followed here and is left out of zips and claude.ai uploads; use a real file`,
      file,
    })),
  "folder",
);

export const portabilityRules: Rule[] = [
  descriptionAngleBrackets,
  reservedWord,
  codexDescription,
  claudeCodeListing,
  keyCase,
  unknownKey,
  claudeCodeKey,
  nameAscii,
  allowedToolsList,
  totalSize,
  skillMdSize,
  skillMdLines,
  referenceDepth,
  symlink,
];
