import { SKILL_DESCRIPTION_MAX_CHARS, SKILL_NAME_MAX_CHARS } from "./limits";

/**
 * The rules a proposed skill name and description must meet before Generation (the structure check of
 * Understanding), shared by the server's check and the fix-name form's inline check, so the form refuses exactly
 * what the server would send back.
 */
export const NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const RESERVED_TERMS = ["claude", "anthropic"];

export interface NameIssue {
  rule: "empty" | "length" | "format" | "reserved";
  message: string;
}

export function skillNameIssues(name: string): NameIssue[] {
  const issues: NameIssue[] = [];
  if (!name.trim()) issues.push({ rule: "empty", message: "Skill name is empty" });
  else if (name.length > SKILL_NAME_MAX_CHARS)
    issues.push({
      rule: "length",
      message: `Skill name is ${name.length} characters (at most ${SKILL_NAME_MAX_CHARS})`,
    });
  if (name && !NAME_PATTERN.test(name))
    issues.push({
      rule: "format",
      message: "Skill name must be lowercase letters, digits and single hyphens, starting with a letter",
    });
  const reserved = RESERVED_TERMS.find((term) => name.toLowerCase().includes(term));
  if (reserved) issues.push({ rule: "reserved", message: `Skill name contains the reserved term "${reserved}"` });
  return issues;
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

/**
 * How descriptions say when to use a skill. Besides "Use when …" and "Triggers on …", authors write "Use before
 * …", "You MUST use this when …", "Always use this skill for …", "Invoke for …", "Call it whenever …" and open a
 * sentence with the occasion ("Before writing any code, …"); French, German and Spanish have their own words.
 */
const INVOCATION =
  /\b(?:use|invoke|call|load|apply|activate|consult|read|reach for)\s+(?:this\s+|it\s+|me\s+)?(?:skill\s+)?(?:(?:only|always|proactively|automatically|first)\s+)?(?:when(?:ever)?|for|if|to|before|after|during|while|on|as soon as|any ?time)\b/i;
const OCCASION =
  /(?:^|[.;:!?]\s+)(?:before|after|during|while|whenever|once)\s+(?:any|a|an|the|every|each|you|someone|starting|writing|making|proposing|building|changing|opening|merging|\w+ing)\b/i;
const WHEN_WORDS =
  /\b(?:when(?:ever)?|triggers?|triggered|should be used|must be used|if the user|in response to)\b|\b(?:quand|lorsque|à utiliser|wenn|verwende|cuando|usar)\b/i;

export function saysWhenToUse(description: string): boolean {
  return INVOCATION.test(description) || OCCASION.test(description) || WHEN_WORDS.test(description);
}

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
  const hasTrigger = TRIGGER_INDICATORS.some((t) => lower.includes(t)) || saysWhenToUse(description);
  const length = Array.from(description).length;
  const errors: string[] = [];
  if (!description.trim()) errors.push("Description is empty");
  if (length > SKILL_DESCRIPTION_MAX_CHARS)
    errors.push(`Description is ${length} characters (at most ${SKILL_DESCRIPTION_MAX_CHARS})`);
  const securityIssues = /<[^>]+>/.test(description) ? ["Description contains XML angle brackets"] : [];
  const warnings: string[] = [];
  if (description.trim() && !hasTrigger)
    warnings.push('The description does not say when to use the skill ("Use when …")');
  else if (description.trim() && !lower.startsWith("use when"))
    warnings.push('Descriptions work best when they start with "Use when …"');
  return { errors, warnings, securityIssues, hasTrigger };
}
