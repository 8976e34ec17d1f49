import type { Dependencies, Intent, Plan, Requirements, TaxonomyChoice } from "../steps/schemas";
import { templateFor } from "../templates";
import { readFeedback, type FeedbackChanges } from "./feedback";
import { checkDescription, checkSkillName, fixDescription, kebab } from "./naming";
import { unique } from "./text";

/** Outline items the reviewer asked for carry this description; the scaffold gives each a marked place. */
export const REQUESTED_SECTION = "requested in review feedback";
const NOTES_PREFIX = "Reviewer notes: ";
const NOTES_SEPARATOR = " | ";

export interface PlanInput {
  requirements: Requirements;
  intent: Intent;
  taxonomy: TaxonomyChoice;
  dependencies: Dependencies;
  userConfirmation?: string;
}

const SECTION_PURPOSE: Record<string, string> = {
  "## Instructions": "the steps to follow, one subsection per topic",
  "## Examples": "worked examples with code or text the user can copy",
  "## Troubleshooting": "common problems and their fixes",
  "## Output Format": "the structure of the result",
  "## Style Guidelines": "tone, formatting and conventions",
  "## Quality Checklist": "checks before handing the result over",
  "## Workflow Steps": "the ordered steps of the workflow",
  "## Input/Output": "what the workflow takes and produces",
  "## Error Handling": "what to do when a step fails",
  "## Validation Gates": "checks that must pass between steps",
  "## MCP Tools Used": "the MCP tools the skill calls and why",
  "## Tool Sequences": "the order of tool calls for common jobs",
  "## Error Recovery": "how to recover from failed tool calls",
  "## Prerequisites": "setup needed before the first use",
  "## Analysis Method": "the approach, step by step",
  "## Input Requirements": "what data or material is needed",
  "## Interpretation Guidelines": "how to read and act on the findings",
};

function outlineFor(requirements: Requirements): Plan["outline"] {
  const sections = templateFor(requirements.skillCategory).requiredSections;
  return [
    { title: "Overview", description: "what the skill does and the core principle" },
    { title: "When to Use", description: "trigger situations, and when not to use it" },
    { title: "Quick Start", description: "the shortest path to a first result" },
    ...sections.map((s) => ({ title: s.replace(/^#+\s*/, ""), description: SECTION_PURPOSE[s] ?? "" })),
    { title: "Success Criteria", description: "how the user knows the job is done" },
  ];
}

function lengthFor(requirements: Requirements, changes: FeedbackChanges): Plan["estimatedLength"] {
  if (changes.length) return changes.length;
  return requirements.targetLevel === "beginner" ? "medium" : requirements.topics.length > 4 ? "long" : "medium";
}

/** The reviewer's notes the plan carries (what matched no instruction), in their own words. */
export function reviewNotes(plan: Pick<Plan, "guidance">): string[] {
  const line = plan.guidance.split("\n").find((l) => l.startsWith(NOTES_PREFIX));
  return line ? line.slice(NOTES_PREFIX.length).split(NOTES_SEPARATOR).filter(Boolean) : [];
}

function outlineWith(requirements: Requirements, changes: FeedbackChanges): Plan["outline"] {
  const kept = outlineFor(requirements).filter(
    (item) => !changes.removeSections.some((removed) => item.title.toLowerCase().includes(removed)),
  );
  const added = changes.addSections.map((title) => ({ title, description: REQUESTED_SECTION }));
  return [...kept, ...added].slice(0, 15);
}

function guidanceFor(intent: Intent, changes: FeedbackChanges): string {
  const notes = changes.notes.length ? `\n${NOTES_PREFIX}${changes.notes.join(NOTES_SEPARATOR)}` : "";
  return `Write for: ${intent.targetAudience}. Keep sentences short, use numbered steps and runnable examples.${notes}`;
}

/**
 * synthesizePlan, offline: the plan carries name, triggers, category and metadata forward. Review feedback from
 * the confirm checkpoint is applied as instructions (see feedback.ts): "put it under databases/" moves the skill,
 * "add a section on rollback drills" adds that section, anything else is kept as the reviewer's notes.
 */
export function offlinePlan(input: PlanInput): Plan {
  const { requirements, intent, taxonomy } = input;
  const changes = readFeedback(input.userConfirmation?.trim() ?? "");
  const proposed = changes.name ?? requirements.suggestedSkillName;
  const name = checkSkillName(proposed).errors.length ? checkSkillName(proposed).suggestion : proposed;
  const description = checkDescription(requirements.description).errors.length
    ? fixDescription(requirements.description, requirements.topics[0] ?? name)
    : requirements.description;
  const category = changes.category ?? (taxonomy.recommendedPath.split("/")[0] || "general");
  const level = changes.level ?? requirements.targetLevel;
  return {
    name,
    description,
    taxonomyPath: `${category}/${name}`,
    triggerPhrases: requirements.triggerPhrases,
    negativeTriggers: requirements.negativeTriggers,
    skillCategory: requirements.skillCategory,
    tags: unique(requirements.topics.map((t) => kebab(t, 3)).filter(Boolean)).slice(0, 7),
    outline: outlineWith(requirements, changes),
    guidance: guidanceFor(intent, changes),
    successCriteria: intent.successCriteria.slice(0, 5),
    estimatedLength: lengthFor(requirements, changes),
    metadata: [
      { key: "skill-category", value: requirements.skillCategory },
      { key: "domain", value: requirements.domain },
      { key: "target-level", value: level },
    ],
    rationale: `Sections follow the ${requirements.skillCategory} template; the path reuses "${category}".`,
  };
}

/** The reference's fallback plan (§2.1 step 4). */
export function fallbackPlan(input: PlanInput): Plan {
  const { requirements, taxonomy } = input;
  const name = checkSkillName(requirements.suggestedSkillName).errors.length
    ? "unnamed-skill"
    : requirements.suggestedSkillName;
  const topic = requirements.topics[0] ?? "general";
  return {
    name,
    description: requirements.description || `Use when the user asks for a skill for ${topic}.`,
    taxonomyPath: taxonomy.recommendedPath.includes("/") ? taxonomy.recommendedPath : `general/${name}`,
    triggerPhrases: requirements.triggerPhrases,
    negativeTriggers: requirements.negativeTriggers,
    skillCategory: requirements.skillCategory,
    tags: [topic],
    outline: ["Overview", "When to Use", "Step-by-step Instructions", "Examples", "Troubleshooting"].map((title) => ({
      title,
      description: "",
    })),
    guidance: "Write clear, actionable steps with examples.",
    successCriteria: ["User can apply the skill successfully"],
    estimatedLength: "medium",
    metadata: [{ key: "skill-category", value: requirements.skillCategory }],
    rationale: "fallback plan",
  };
}
