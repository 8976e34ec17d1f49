import { SKILL_DESCRIPTION_MAX_CHARS, SKILL_NAME_MAX_CHARS } from "../../../contracts/limits";
import { RESERVED_TERMS, skillNameIssues } from "../../../contracts/skill-naming";
import { clip, listPhrase, shortHash } from "./text";

/**
 * Skill names and descriptions that pass the Agent Skills spec tier: a name of 1–64 lowercase letters, digits
 * and single hyphens starting with a letter, no reserved words; a "Use when …" description of at most 1024
 * characters without angle brackets.
 */
export {
  checkDescription,
  NAME_PATTERN,
  RESERVED_TERMS,
  TRIGGER_INDICATORS,
  type DescriptionCheck,
} from "../../../contracts/skill-naming";
export const MAX_NAME = SKILL_NAME_MAX_CHARS;
export const MAX_DESCRIPTION = SKILL_DESCRIPTION_MAX_CHARS;

const CYRILLIC: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "sch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  і: "i",
  ї: "yi",
  є: "ye",
  ґ: "g",
};
const GREEK: Record<string, string> = {
  α: "a",
  β: "v",
  γ: "g",
  δ: "d",
  ε: "e",
  ζ: "z",
  η: "i",
  θ: "th",
  ι: "i",
  κ: "k",
  λ: "l",
  μ: "m",
  ν: "n",
  ξ: "x",
  ο: "o",
  π: "p",
  ρ: "r",
  σ: "s",
  ς: "s",
  τ: "t",
  υ: "y",
  φ: "f",
  χ: "ch",
  ψ: "ps",
  ω: "o",
};
const LIGATURES: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  þ: "th",
  ð: "d",
  ı: "i",
};

/** Latin, Cyrillic and Greek letters folded to ASCII; other scripts are dropped (CJK has no spelling to fold to). */
export function toAscii(text: string): string {
  const lower = text.toLowerCase();
  const mapped = [...lower].map((c) => CYRILLIC[c] ?? GREEK[c] ?? LIGATURES[c] ?? c).join("");
  return mapped
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]/g, " ");
}

/** Any text → a valid kebab-case name, or "" when no ASCII letters survive. */
export function kebab(text: string, maxWords = 5): string {
  const cleaned = toAscii(text)
    .replace(/\+\+/g, "pp")
    .replace(/#/g, "sharp")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  // A word used twice reads as a stutter ("grafana-dashboards-grafana"): each word once.
  const parts = [...new Set(cleaned.split(/\s+/))].filter((w) => w && !RESERVED_TERMS.some((r) => w.includes(r)));
  let name = "";
  for (const part of parts.slice(0, maxWords)) {
    const next = name ? `${name}-${part}` : part;
    if (next.length > MAX_NAME) break;
    name = next;
  }
  return name.replace(/^[0-9-]+/, "");
}

/** The name for a skill from its topics (most important first); falls back to the category and a hash. */
export function skillNameFrom(topics: string[], categoryNoun: string, seed: string): string {
  const fromTopics = kebab(topics.slice(0, 2).join(" "), 4);
  if (fromTopics.includes("-")) return fromTopics;
  if (fromTopics) return `${fromTopics}-${categoryNoun}`.slice(0, MAX_NAME);
  return `${categoryNoun}-${shortHash(seed)}`.replace(/-([0-9])/, "-s$1");
}

/** A "Use when …" description that states when to use the skill (CSO style), never a workflow summary. */
export function describeSkill(topics: string[], summary: string): string {
  const about = listPhrase(topics.slice(0, 4), "or");
  const when = about
    ? `Use when the user asks for help with ${about}`
    : "Use when the user asks for help with the task described below";
  const text = `${when}, or mentions ${topics[0] ?? "this task"} by name. ${summary}`;
  return clip(text.replace(/[<>]/g, " ").replace(/\s+/g, " ").trim(), MAX_DESCRIPTION);
}

export interface NameCheck {
  errors: string[];
  suggestion: string;
}

/** The structure validator's name rules (docs/workflow.md, Understanding), with a specific message per mistake. */
export function checkSkillName(name: string): NameCheck {
  const suggestion = kebab(name, 8) || "my-skill";
  const errors = skillNameIssues(name).map((issue) =>
    issue.rule === "format" ? nameMistake(name, suggestion) : issue.message,
  );
  return { errors, suggestion };
}

function nameMistake(name: string, suggestion: string): string {
  if (/[A-Z]/.test(name)) return `Skill name contains capital letters - use kebab-case (e.g. '${suggestion}')`;
  if (/\s/.test(name)) return `Skill name contains spaces - use kebab-case (e.g. '${suggestion}')`;
  if (name.includes("_")) return `Skill name uses underscores - use hyphens (e.g. '${suggestion}')`;
  return `Skill name must be lowercase letters, digits and single hyphens, starting with a letter (e.g. '${suggestion}')`;
}

/** A description that satisfies the rules, keeping the user's words. */
export function fixDescription(description: string, fallbackTopic: string): string {
  const cleaned = description
    .replace(/<[^>]*>/g, " ")
    .replace(/[<>]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const body = cleaned || `help with ${fallbackTopic}`;
  const withTrigger = /^use when/i.test(body)
    ? body
    : `Use when the user asks for ${body.charAt(0).toLowerCase()}${body.slice(1)}`;
  return clip(withTrigger, MAX_DESCRIPTION);
}
