import { isMapping } from "../../skill-md";
import type { Rule, RuleHit, Severity, SkillContext } from "../types";

/**
 * Quality tier, the optional tooling file metadata.json (not part of the specification, so never an error):
 * malformed fields are warnings, capability-count advice is a suggestion.
 */

const none: RuleHit[] = [];
const FILE = "metadata.json";

const rule = (id: string, severity: Severity, check: Rule["check"]): Rule => ({
  id,
  tier: "quality",
  severity,
  scope: "folder",
  check,
});

export const METADATA_ENUMS: Record<string, readonly string[]> = {
  type: ["cognitive", "technical", "domain", "tool", "mcp", "specialization", "task_focus", "memory"],
  weight: ["lightweight", "medium", "heavyweight"],
  load_priority: ["always", "task_specific", "on_demand", "dormant"],
};
const REQUIRED = ["skill_id", "version", "type", "weight", "load_priority", "dependencies", "capabilities"];
const SKILL_ID = /^[a-z0-9_-]+(?:\/[a-z0-9_-]+)*$/;
const VERSION = /^\d+\.\d+\.\d+$/;

type Parsed = { ok: true; value: unknown } | { ok: false; message: string } | null;

function parseMetadata(ctx: SkillContext): Parsed {
  const text = ctx.files.get(FILE)?.text;
  if (text === undefined || text === null) return null;
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

const metadataSyntax = rule("quality/metadata-json-syntax", "warning", (ctx) => {
  const parsed = parseMetadata(ctx);
  return parsed && !parsed.ok
    ? [{ message: `metadata.json is not valid JSON (${parsed.message}); it is ignored`, file: FILE }]
    : none;
});

function fieldProblems(data: Record<string, unknown>): string[] {
  const missing = REQUIRED.filter((key) => !Object.hasOwn(data, key));
  if (missing.length > 0) return missing.map((key) => `Missing required metadata field: ${key}`);
  const problems: string[] = [];
  if (typeof data.skill_id !== "string" || !SKILL_ID.test(data.skill_id))
    problems.push(`skill_id ${JSON.stringify(data.skill_id)} must look like category/skill-name`);
  if (typeof data.version !== "string" || !VERSION.test(data.version))
    problems.push(`version ${JSON.stringify(data.version)} must be MAJOR.MINOR.PATCH`);
  for (const [key, allowed] of Object.entries(METADATA_ENUMS)) {
    if (!allowed.includes(String(data[key])))
      problems.push(`${key} ${JSON.stringify(data[key])} must be one of ${allowed.join(", ")}`);
  }
  for (const key of ["dependencies", "capabilities"])
    if (!Array.isArray(data[key])) problems.push(`${key} must be a list`);
  return problems;
}

const metadataFields = rule("quality/metadata-json-fields", "warning", (ctx) => {
  const parsed = parseMetadata(ctx);
  if (!parsed?.ok) return none;
  if (!isMapping(parsed.value)) return [{ message: "metadata.json must contain a JSON object", file: FILE }];
  return fieldProblems(parsed.value).map((message) => ({ message, file: FILE }));
});

function weightAdvice(weight: unknown, count: number): string | null {
  if (weight === "lightweight" && count > 5)
    return `A lightweight skill with ${count} capabilities (expected at most 5)`;
  if (weight === "medium" && (count < 3 || count > 10))
    return `A medium skill with ${count} capabilities (expected 3–10)`;
  if (weight === "heavyweight" && count < 8)
    return `A heavyweight skill with ${count} capabilities (expected at least 8)`;
  return null;
}

const metadataAdvice = rule("quality/metadata-json-advice", "info", (ctx) => {
  const parsed = parseMetadata(ctx);
  if (!parsed?.ok || !isMapping(parsed.value) || !Array.isArray(parsed.value.capabilities)) return none;
  const count = parsed.value.capabilities.length;
  const advice =
    count === 0 ? "capabilities is empty: list what the skill can do" : weightAdvice(parsed.value.weight, count);
  return advice ? [{ message: advice, file: FILE }] : none;
});

export const qualityMetadataRules: Rule[] = [metadataSyntax, metadataFields, metadataAdvice];
