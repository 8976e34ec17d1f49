import { z } from "zod";
import { SKILL_CATEGORIES, type SkillCategory } from "../../skills/validator/rules/templates";

export { SKILL_CATEGORIES, type SkillCategory };

/**
 * The shapes that flow between steps (docs/workflow.md, camelCase). Every step OUTPUT schema is sent to providers
 * and must fit OpenAI's strict structured outputs (see server/llm/wire-schema.ts): every field required (no optional
 * keys; "nothing" is an empty string or list, or null where that reads better) and no free-form records (a list of
 * key/value pairs instead). Step INPUT schemas are never sent and may keep optional keys.
 */
export const DOMAINS = ["technical", "cognitive", "domain_knowledge", "tool", "meta"] as const;
export const TARGET_LEVELS = ["beginner", "intermediate", "advanced", "expert"] as const;
export const SKILL_TYPES = ["how_to", "reference", "concept", "workflow", "checklist", "troubleshooting"] as const;

export const requirementsSchema = z.object({
  domain: z.enum(DOMAINS),
  category: z.string().min(1),
  targetLevel: z.enum(TARGET_LEVELS),
  topics: z.array(z.string().min(1)).min(1).max(10),
  constraints: z.array(z.string()).max(10),
  ambiguities: z.array(z.string()).max(5),
  description: z.string().max(1024),
  suggestedSkillName: z.string().max(64),
  triggerPhrases: z.array(z.string()).max(12),
  negativeTriggers: z.array(z.string()).max(8),
  skillCategory: z.enum(SKILL_CATEGORIES),
  requiresMcp: z.boolean(),
  suggestedMcpServer: z.string(),
  reasoning: z.string(),
});
export type Requirements = z.infer<typeof requirementsSchema>;

export const intentSchema = z.object({
  purpose: z.string().min(1),
  problemStatement: z.string(),
  targetAudience: z.string(),
  valueProposition: z.string(),
  skillType: z.enum(SKILL_TYPES),
  scope: z.string(),
  successCriteria: z.array(z.string().min(1)).min(1).max(8),
});
export type Intent = z.infer<typeof intentSchema>;

export const taxonomySchema = z.object({
  recommendedPath: z.string().min(1),
  alternativePaths: z.array(z.string()).max(5),
  pathRationale: z.string(),
  newDirectories: z.array(z.string()),
  confidence: z.number().min(0).max(1),
});
export type TaxonomyChoice = z.infer<typeof taxonomySchema>;

export const dependenciesSchema = z.object({
  prerequisiteSkills: z.array(z.string()).max(5),
  complementarySkills: z.array(z.string()).max(8),
  conflictingSkills: z.array(z.string()),
  missingPrerequisites: z.array(z.string()).max(5),
  dependencyRationale: z.string(),
});
export type Dependencies = z.infer<typeof dependenciesSchema>;

export const outlineItemSchema = z.object({ title: z.string().min(1), description: z.string() });

/** One metadata label of a plan. A list of pairs, not a record: strict structured outputs allow no free-form keys. */
export const metadataEntrySchema = z.object({ key: z.string().min(1), value: z.string() });
export type MetadataEntry = z.infer<typeof metadataEntrySchema>;

/**
 * The plan carries everything later phases need (docs/workflow.md, What the plan carries: name, triggers, category,
 * metadata).
 */
export const planSchema = z.object({
  name: z.string().min(1).max(64),
  description: z.string().min(1).max(1024),
  taxonomyPath: z.string().min(1),
  triggerPhrases: z.array(z.string()).max(12),
  negativeTriggers: z.array(z.string()).max(8),
  skillCategory: z.enum(SKILL_CATEGORIES),
  tags: z.array(z.string()).max(10),
  outline: z.array(outlineItemSchema).min(1).max(20),
  guidance: z.string(),
  successCriteria: z.array(z.string()).min(1).max(8),
  estimatedLength: z.enum(["short", "medium", "long"]),
  metadata: z.array(metadataEntrySchema).max(20),
  rationale: z.string(),
});
export type Plan = z.infer<typeof planSchema>;

/** The plan's metadata as the string map SKILL.md frontmatter wants; a later pair with the same key wins. */
export function metadataRecord(metadata: readonly MetadataEntry[] | Record<string, string>): Record<string, string> {
  // A record is a plan stored before the metadata became pairs (see planInputSchema).
  if (!isEntryList(metadata)) return { ...metadata };
  return Object.fromEntries(metadata.map((entry) => [entry.key, entry.value]));
}

// Array.isArray does not narrow a readonly array out of a union, hence the guard.
function isEntryList(
  metadata: readonly MetadataEntry[] | Record<string, string>,
): metadata is readonly MetadataEntry[] {
  return Array.isArray(metadata);
}

/** The metadata with `key` set to `value` (replacing any earlier pair with that key, so keys stay unique). */
export function withMetadata(metadata: readonly MetadataEntry[], key: string, value: string): MetadataEntry[] {
  return [...metadata.filter((entry) => entry.key !== key), { key, value }];
}

/**
 * The plan as a later step's INPUT. Jobs stored before the metadata became pairs hold a `{key: value}` record, and a
 * stored step output is replayed without re-validation; this accepts both and hands the step pairs.
 */
export const planInputSchema = planSchema.extend({
  metadata: z.union([
    planSchema.shape.metadata,
    z
      .record(z.string(), z.string())
      .transform((record) => Object.entries(record).map(([key, value]): MetadataEntry => ({ key, value }))),
  ]),
});

export const clarificationSchema = z.object({ question: z.string().optional(), answer: z.string() });
export type Clarification = z.infer<typeof clarificationSchema>;

/** What generation needs to know from Phase 1 besides the plan. */
export const understandingSchema = z.object({
  taskDescription: z.string(),
  domain: z.enum(DOMAINS),
  targetLevel: z.enum(TARGET_LEVELS),
  topics: z.array(z.string()),
  constraints: z.array(z.string()),
  intent: intentSchema.optional(),
  dependencies: dependenciesSchema.optional(),
  /** Answers to the clarifying questions: they shape the content (goal, audience, tools), never its headings. */
  clarifications: z.array(clarificationSchema).optional(),
});
export type Understanding = z.infer<typeof understandingSchema>;

export const questionSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  questionType: z.enum(["boolean", "single", "multi", "text"]),
  /** `description` and `rationale` are "" when there is none (required keys: see the note at the top). */
  options: z.array(z.object({ id: z.string().min(1), label: z.string().min(1), description: z.string() })),
  allowsOther: z.boolean(),
  rationale: z.string(),
});
export type ClarifyingQuestion = z.infer<typeof questionSchema>;
