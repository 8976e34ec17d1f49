import { isMapping } from "../../skill-md";
import { MAX_READ_BYTES } from "../context";
import type { Rule, RuleHit } from "../types";
import { charCount, frontmatterValue, keyLine, nameFormatProblems, normalisedName } from "./helpers";

/**
 * Spec tier: exactly the Agent Skills specification (agentskills.io/specification), nothing more. Generated
 * skills must pass this tier, so no quality opinion belongs here.
 */

const none: RuleHit[] = [];

const rule = (id: string, check: Rule["check"], scope: Rule["scope"] = "content"): Rule => ({
  id,
  tier: "spec",
  severity: "error",
  scope,
  check,
});

const skillMdPresent = rule(
  "spec/skill-md-present",
  (ctx) =>
    ctx.files.has("SKILL.md")
      ? none
      : [{ message: "SKILL.md not found: a skill folder needs a file named exactly SKILL.md" }],
  "folder",
);

/** A SKILL.md that is not UTF-8 text (binary, another encoding) cannot hold the YAML frontmatter the spec asks for. */
const skillMdText = rule(
  "spec/skill-md-text",
  (ctx) => {
    const file = ctx.files.get("SKILL.md");
    if (!file || file.text !== null || file.size > MAX_READ_BYTES) return none;
    return [{ message: "SKILL.md is not UTF-8 text (it looks binary): it must be markdown with YAML frontmatter" }];
  },
  "folder",
);

const frontmatterPresent = rule("spec/frontmatter-present", (ctx) =>
  ctx.skillMd?.split.kind === "missing"
    ? [{ message: "SKILL.md must start with YAML frontmatter: a first line of ---", line: 1 }]
    : none,
);

const frontmatterClosed = rule("spec/frontmatter-closed", (ctx) =>
  ctx.skillMd?.split.kind === "unclosed"
    ? [{ message: "The frontmatter is not closed: add a line of --- after it", line: 1 }]
    : none,
);

const frontmatterYaml = rule("spec/frontmatter-yaml", (ctx) => {
  const error = ctx.skillMd?.yaml?.error;
  return error ? [{ message: `The frontmatter is not valid YAML: ${error.message}`, line: error.line }] : none;
});

const frontmatterMapping = rule("spec/frontmatter-mapping", (ctx) => {
  const yaml = ctx.skillMd?.yaml;
  if (!yaml || yaml.error || isMapping(yaml.value)) return none;
  return [{ message: "The frontmatter must be a YAML mapping of key: value lines", line: 2 }];
});

const nameRequired = rule("spec/name-required", (ctx) => {
  if (!ctx.skillMd?.frontmatter) return none;
  const { present, value } = frontmatterValue(ctx, "name");
  if (typeof value === "string" && value.trim() !== "") return none;
  return [
    {
      message: present ? "Field 'name' must be a non-empty string" : "Missing required field 'name'",
      line: keyLine(ctx, "name"),
    },
  ];
});

const nameLength = rule("spec/name-length", (ctx) => {
  const name = normalisedName(ctx);
  if (name === null || charCount(name) <= 64) return none;
  return [{ message: `Skill name is ${charCount(name)} characters; the limit is 64`, line: keyLine(ctx, "name") }];
});

const nameFormat = rule("spec/name-format", (ctx) => {
  const name = normalisedName(ctx);
  const problems = name === null ? [] : nameFormatProblems(name);
  if (problems.length === 0) return none;
  return [{ message: `Skill name '${name}' ${problems.join("; ")}`, line: keyLine(ctx, "name") }];
});

const nameMatchesFolder = rule("spec/name-matches-folder", (ctx) => {
  const name = normalisedName(ctx);
  if (!ctx.folderKnown || name === null || ctx.folder.normalize("NFKC") === name) return none;
  return [{ message: `Skill name '${name}' must equal its folder name '${ctx.folder}'`, line: keyLine(ctx, "name") }];
});

const descriptionRequired = rule("spec/description-required", (ctx) => {
  if (!ctx.skillMd?.frontmatter) return none;
  const { present, value } = frontmatterValue(ctx, "description");
  if (typeof value === "string" && value.trim() !== "") return none;
  const message = present ? "Field 'description' must be a non-empty string" : "Missing required field 'description'";
  return [{ message, line: keyLine(ctx, "description") }];
});

const descriptionLength = rule("spec/description-length", (ctx) => {
  const { value } = frontmatterValue(ctx, "description");
  if (typeof value !== "string" || charCount(value) <= 1024) return none;
  return [
    { message: `Description is ${charCount(value)} characters; the limit is 1024`, line: keyLine(ctx, "description") },
  ];
});

const compatibility = rule("spec/compatibility", (ctx) => {
  const { present, value } = frontmatterValue(ctx, "compatibility");
  if (!present) return none;
  const line = keyLine(ctx, "compatibility");
  if (typeof value !== "string" || value.trim() === "")
    return [{ message: "Field 'compatibility' must be a non-empty string", line }];
  if (charCount(value) > 500)
    return [{ message: `Compatibility is ${charCount(value)} characters; the limit is 500`, line }];
  return none;
});

const metadataMap = rule("spec/metadata-map", (ctx) => {
  const { present, value } = frontmatterValue(ctx, "metadata");
  if (!present) return none;
  const line = keyLine(ctx, "metadata");
  if (!isMapping(value))
    return [{ message: "Field 'metadata' must be a mapping of string keys to string values", line }];
  const bad = Object.entries(value)
    .filter(([, item]) => typeof item !== "string")
    .map(([key]) => key);
  return bad.length === 0
    ? none
    : [{ message: `metadata values must be strings; not strings: ${bad.join(", ")} (quote them)`, line }];
});

const allowedTools = rule("spec/allowed-tools", (ctx) => {
  const { present, value } = frontmatterValue(ctx, "allowed-tools");
  if (!present || typeof value === "string") return none;
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return none;
  return [
    {
      message: "Field 'allowed-tools' must be a space-delimited string of tool names",
      line: keyLine(ctx, "allowed-tools"),
    },
  ];
});

export const specRules: Rule[] = [
  skillMdPresent,
  skillMdText,
  frontmatterPresent,
  frontmatterClosed,
  frontmatterYaml,
  frontmatterMapping,
  nameRequired,
  nameLength,
  nameFormat,
  nameMatchesFolder,
  descriptionRequired,
  descriptionLength,
  compatibility,
  metadataMap,
  allowedTools,
];
