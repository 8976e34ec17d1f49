import type { Rule, RuleHit, Severity } from "../types";
import {
  frontmatterValue,
  keyLine,
  localLinks,
  nameFormatProblems,
  normalisedName,
  resolveLink,
  stringValue,
} from "./helpers";

/**
 * Portability tier: limits of the places a skill gets uploaded to (claude.ai and Anthropic's skill-creator
 * packager, Claude Code, Codex) that the specification itself does not impose.
 */

const none: RuleHit[] = [];

const rule = (id: string, severity: Severity, check: Rule["check"], scope: Rule["scope"] = "content"): Rule => ({
  id,
  tier: "portability",
  severity,
  scope,
  check,
});

/** Spec keys plus the ones Claude Code reads; anything else is ignored (or refused) somewhere. */
export const KNOWN_KEYS = new Set([
  "name",
  "description",
  "license",
  "compatibility",
  "metadata",
  "allowed-tools",
  "model",
  "context",
  "agent",
  "argument-hint",
  "disable-model-invocation",
  "user-invocable",
  "hooks",
]);

const KEBAB_KEY = /^[a-z0-9-]+$/;
export const MAX_SKILL_BYTES = 8 * 1024 * 1024;
export const MAX_SKILL_MD_LINES = 500;

const descriptionAngleBrackets = rule("portability/description-angle-brackets", "error", (ctx) => {
  const description = stringValue(ctx, "description");
  if (description === null || !/[<>]/.test(description)) return none;
  return [
    {
      message: "Description must not contain '<' or '>' (claude.ai rejects XML-like text there)",
      line: keyLine(ctx, "description"),
    },
  ];
});

const topLevelKeys = (frontmatter: Record<string, unknown> | null | undefined): string[] =>
  Object.keys(frontmatter ?? {});

const keyCase = rule("portability/key-case", "warning", (ctx) =>
  topLevelKeys(ctx.skillMd?.frontmatter)
    .filter((key) => !KEBAB_KEY.test(key))
    .map((key) => ({
      message: `Frontmatter key '${key}' is not kebab-case (lowercase letters, digits, hyphens)`,
      line: keyLine(ctx, key),
    })),
);

// Keys that fail key-case are reported there only: one problem, one finding.
const unknownKey = rule("portability/unknown-key", "warning", (ctx) =>
  topLevelKeys(ctx.skillMd?.frontmatter)
    .filter((key) => KEBAB_KEY.test(key) && !KNOWN_KEYS.has(key))
    .map((key) => ({
      message: `Unknown frontmatter key '${key}': move extra fields under metadata`,
      line: keyLine(ctx, key),
    })),
);

const nameAscii = rule("portability/name-ascii", "warning", (ctx) => {
  const name = normalisedName(ctx);
  if (name === null || nameFormatProblems(name).length > 0 || /^[a-z0-9-]+$/.test(name)) return none;
  return [
    {
      message: `Skill name '${name}' uses non-ASCII letters; claude.ai and Codex accept only a-z, 0-9 and hyphens`,
      line: keyLine(ctx, "name"),
    },
  ];
});

const allowedToolsList = rule("portability/allowed-tools-list", "warning", (ctx) => {
  const { value } = frontmatterValue(ctx, "allowed-tools");
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) return none;
  return [
    {
      message: "allowed-tools should be a space-delimited string; the list form is accepted by few clients",
      line: keyLine(ctx, "allowed-tools"),
    },
  ];
});

const totalSize = rule(
  "portability/total-size",
  "error",
  (ctx) => {
    const bytes = [...ctx.files.values()].reduce((sum, file) => sum + file.size, 0);
    if (bytes <= MAX_SKILL_BYTES) return none;
    return [{ message: `The skill is ${(bytes / 1024 / 1024).toFixed(1)} MB; uploads are limited to 8 MB`, file: "." }];
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
      message: `SKILL.md has ${lines} lines; keep it under ${MAX_SKILL_MD_LINES} and move detail to references/`,
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
  "error",
  (ctx) =>
    ctx.symlinks.map((file) => ({
      message: `${file} is a symlink; skills must contain real files (symlinks are not followed or packaged)`,
      file,
    })),
  "folder",
);

export const portabilityRules: Rule[] = [
  descriptionAngleBrackets,
  keyCase,
  unknownKey,
  nameAscii,
  allowedToolsList,
  totalSize,
  skillMdLines,
  referenceDepth,
  symlink,
];
