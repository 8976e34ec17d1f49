import type { ClarifyingQuestion, Dependencies, Intent, Requirements, TaxonomyChoice } from "../steps/schemas";
import { kebab } from "./naming";
import { capitalise, listPhrase, unique, words } from "./text";

const LEVEL_AUDIENCE: Record<Requirements["targetLevel"], string> = {
  beginner: "People new to the topic who need each step spelled out",
  intermediate: "Practitioners who know the basics and want a reliable, repeatable approach",
  advanced: "Experienced practitioners who want production-grade patterns and edge cases",
  expert: "Experts who want a precise reference without introductions",
};

/** generateClarifyingQuestions, offline: two or three focused questions with options, one per open point. */
export function offlineQuestions(requirements: Requirements): {
  questions: ClarifyingQuestion[];
  priority: "critical" | "important" | "optional";
  rationale: string;
} {
  // "general" is the placeholder topic of a task too vague to name one: ask about "this task" instead.
  const named = requirements.topics[0];
  const topic = named && named !== "general" ? named : "this task";
  const open = requirements.ambiguities.join(" ").toLowerCase();
  const asked = questionsAbout(topic).filter((q) => q.id !== "technology" || open.includes("tool, language"));
  return {
    questions: asked,
    priority: "important",
    rationale: "The task is short or generic; these answers decide what the skill covers.",
  };
}

function questionsAbout(topic: string): ClarifyingQuestion[] {
  return [
    {
      id: "goal",
      text: `What should the skill help with first when someone asks about ${topic}?`,
      questionType: "single",
      allowsOther: true,
      options: [
        { id: "explain", label: "Explain concepts and best practices", description: "" },
        { id: "workflow", label: "Guide a step-by-step workflow", description: "" },
        { id: "review", label: "Review or analyse existing work", description: "" },
        { id: "produce", label: "Produce a document or file", description: "" },
      ],
      rationale: "The goal decides the skill's sections and examples.",
    },
    {
      id: "technology",
      text: "Which tools, languages or platforms should the skill cover?",
      questionType: "text",
      allowsOther: true,
      options: [],
      rationale: "Naming the technology makes instructions and examples concrete.",
    },
    {
      id: "audience",
      text: "Who will use it?",
      questionType: "single",
      allowsOther: true,
      options: [
        { id: "beginner", label: "Beginners", description: "Every step spelled out" },
        { id: "intermediate", label: "Practitioners", description: "Knows the basics" },
        { id: "advanced", label: "Experts", description: "Wants edge cases and production patterns" },
      ],
      rationale: "The audience sets the level of detail.",
    },
  ];
}

const SKILL_TYPE_BY_CATEGORY: Record<Requirements["skillCategory"], Intent["skillType"]> = {
  document_creation: "how_to",
  workflow_automation: "workflow",
  mcp_enhancement: "workflow",
  analysis: "checklist",
  other: "how_to",
};

/** analyzeIntent, offline. */
export function offlineIntent(task: string, requirements: Requirements): Intent {
  const topics = listPhrase(requirements.topics.slice(0, 3));
  const first = requirements.topics[0] ?? "the task";
  return {
    purpose: `Give a reliable, repeatable way to handle ${topics}.`,
    problemStatement: `Without guidance, work on ${first} is done inconsistently and details are missed.`,
    targetAudience: LEVEL_AUDIENCE[requirements.targetLevel],
    valueProposition: `Clear steps, checks and examples for ${topics} in one place.`,
    skillType: SKILL_TYPE_BY_CATEGORY[requirements.skillCategory],
    scope: `In scope: ${topics}${requirements.constraints.length ? `, within these constraints: ${requirements.constraints.slice(0, 2).join(" ")}` : ""}. Out of scope: unrelated topics and general background.`,
    successCriteria: unique([
      `User can apply the skill to ${first} without outside help`,
      ...requirements.topics.slice(1, 3).map((t) => `User can handle ${t} correctly`),
      "User can check the result against the skill's checklist",
    ]).slice(0, 5),
  };
}

/** Top-level categories of a taxonomy tree given as JSON text or an object. */
function topLevelCategories(structure: unknown): string[] {
  const tree = typeof structure === "string" ? safeJson(structure) : structure;
  if (tree && typeof tree === "object" && !Array.isArray(tree))
    return Object.keys(tree).filter((k) => !k.startsWith("_"));
  return [];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** findTaxonomyPath, offline: reuse an existing category that shares a word with the task, else the requirement's. */
export function offlineTaxonomy(
  requirements: Requirements,
  taxonomyStructure: unknown,
  existingSkills: string[],
): TaxonomyChoice {
  const name = kebab(requirements.suggestedSkillName, 8) || "unnamed-skill";
  const existing = unique(
    [...topLevelCategories(taxonomyStructure), ...existingSkills.map((s) => s.split("/")[0] ?? "")].filter(Boolean),
  );
  const taskWords = new Set(requirements.topics.flatMap(words).concat(requirements.category));
  const reuse = existing.find((c) => c.split(/[-_]/).some((part) => taskWords.has(part)));
  const category = reuse ?? (kebab(requirements.category, 2) || "general");
  return {
    recommendedPath: `${category}/${name}`,
    alternativePaths: unique([`general/${name}`, `${kebab(requirements.domain, 2)}/${name}`]).filter(
      (p) => p !== `${category}/${name}`,
    ),
    pathRationale: reuse
      ? `Reuses the existing "${reuse}" category, which matches the task's topics.`
      : `A "${category}" category named after the task's main subject.`,
    newDirectories: reuse ? [] : [category],
    confidence: reuse ? 0.8 : 0.6,
  };
}

/** "tests" and "test", "locks" and "lock": singular forms, so a plural in the task still finds a skill. */
const singular = (word: string): string => (word.length > 3 ? word.replace(/(?:es|s)$/, "") : word);

/** Words of a skill path that say nothing about its subject (a category such as "practices" or "general"). */
const PATH_NOISE = new Set(["general", "practices", "misc", "other", "tools", "skills", "skill"]);

/** analyzeDependencies, offline: existing skills whose path shares a subject word with the task are complementary. */
export function offlineDependencies(task: string, existingSkills: string[]): Dependencies {
  const taskWords = new Set(
    words(task)
      .filter((w) => w.length >= 3)
      .map(singular),
  );
  const shares = (id: string) =>
    id.split(/[/_-]/).some((part) => part.length >= 3 && !PATH_NOISE.has(part) && taskWords.has(singular(part)));
  const related = existingSkills.filter(shares).slice(0, 5);
  return {
    prerequisiteSkills: [],
    complementarySkills: related.map((id) => `${id}: shares topics with this task`),
    conflictingSkills: [],
    missingPrerequisites: [],
    dependencyRationale: related.length
      ? `${capitalise(listPhrase(related))} cover related ground and can be used alongside this skill. No prerequisite is required.`
      : "No existing skill overlaps with this task, so the skill stands on its own. No prerequisite is required.",
  };
}
