import { clip, listPhrase, shortHash } from "./text";

/**
 * Skill names and descriptions that pass the Agent Skills spec tier: a name of 1–64 lowercase letters, digits
 * and single hyphens starting with a letter, no reserved words; a "Use when …" description of at most 1024
 * characters without angle brackets.
 */
export const NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const RESERVED_TERMS = ["claude", "anthropic"];
export const MAX_NAME = 64;
export const MAX_DESCRIPTION = 1024;

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

/** The structure validator's name rules (reference §2.1 step 1b), with a specific message per mistake. */
export function checkSkillName(name: string): NameCheck {
  const suggestion = kebab(name, 8) || "my-skill";
  const errors: string[] = [];
  if (!name.trim()) errors.push("Skill name is empty");
  else if (name.length > MAX_NAME) errors.push(`Skill name is ${name.length} characters (at most ${MAX_NAME})`);
  if (name && !NAME_PATTERN.test(name)) errors.push(nameMistake(name, suggestion));
  const reserved = RESERVED_TERMS.find((term) => name.toLowerCase().includes(term));
  if (reserved) errors.push(`Skill name contains the reserved term "${reserved}"`);
  return { errors, suggestion };
}

function nameMistake(name: string, suggestion: string): string {
  if (/[A-Z]/.test(name)) return `Skill name contains capital letters - use kebab-case (e.g. '${suggestion}')`;
  if (/\s/.test(name)) return `Skill name contains spaces - use kebab-case (e.g. '${suggestion}')`;
  if (name.includes("_")) return `Skill name uses underscores - use hyphens (e.g. '${suggestion}')`;
  return `Skill name must be lowercase letters, digits and single hyphens, starting with a letter (e.g. '${suggestion}')`;
}

export const TRIGGER_INDICATORS = [
  "use when",
  "for when",
  "trigger",
  "activate",
  "if user",
  "when user",
  "for user",
  "mention",
  "ask",
  "say",
];

export interface DescriptionCheck {
  errors: string[];
  warnings: string[];
  securityIssues: string[];
  hasTrigger: boolean;
}

/**
 * The structure check's description rules: the specification's limits are errors (empty, over 1024 characters),
 * XML-like text is a security issue (claude.ai refuses it), and saying when to use the skill is advice (a
 * warning): house style never blocks a job.
 */
export function checkDescription(description: string): DescriptionCheck {
  const lower = description.toLowerCase();
  const hasTrigger = TRIGGER_INDICATORS.some((t) => lower.includes(t));
  const errors: string[] = [];
  if (!description.trim()) errors.push("Description is empty");
  if (Array.from(description).length > MAX_DESCRIPTION)
    errors.push(`Description is ${Array.from(description).length} characters (at most ${MAX_DESCRIPTION})`);
  const securityIssues = /<[^>]+>/.test(description) ? ["Description contains XML angle brackets"] : [];
  const warnings: string[] = [];
  if (description.trim() && !hasTrigger)
    warnings.push('The description does not say when to use the skill ("Use when …")');
  else if (description.trim() && !lower.startsWith("use when"))
    warnings.push('Descriptions work best when they start with "Use when …"');
  return { errors, warnings, securityIssues, hasTrigger };
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
