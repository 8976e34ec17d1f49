import type { Dependencies, Intent, Plan, Requirements, TaxonomyChoice } from "../steps/schemas";
import { templateFor } from "../templates";
import { analyseTask } from "./analysis";
import { checkDescription, checkSkillName, fixDescription, kebab } from "./naming";
import { clip, unique } from "./text";

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

/** A name the user asked for in revise feedback ("call it x", "rename to x", "name: x"). */
function requestedName(feedback: string): string | undefined {
  const match = /\b(?:call it|rename (?:it )?to|name(?: it)?:?|named)\s+["'`]?([\w -]{3,60})/i.exec(feedback);
  // The name ends where the sentence goes on ("call it x and keep it short").
  const words = match?.[1]?.split(/\s+(?:and|but|with|so|then|please|instead|because)\b/i)[0] ?? "";
  const name = words ? kebab(words, 6) : "";
  return name && checkSkillName(name).errors.length === 0 ? name : undefined;
}

function lengthFor(requirements: Requirements, feedback: string): Plan["estimatedLength"] {
  if (/\b(shorter|short|concise|brief|less)\b/i.test(feedback)) return "short";
  if (/\b(longer|more detail|in-depth|comprehensive|expand)\b/i.test(feedback)) return "long";
  return requirements.targetLevel === "beginner" ? "medium" : requirements.topics.length > 4 ? "long" : "medium";
}

/** synthesizePlan, offline: the plan carries name, triggers, category and metadata forward (reference §2.5). */
export function offlinePlan(input: PlanInput): Plan {
  const { requirements, intent, taxonomy } = input;
  const feedback = input.userConfirmation?.trim() ?? "";
  const feedbackTopics = feedback ? analyseTask(feedback).topics.slice(0, 3) : [];
  const proposed = requestedName(feedback) ?? requirements.suggestedSkillName;
  const name = checkSkillName(proposed).errors.length ? checkSkillName(proposed).suggestion : proposed;
  const description = checkDescription(requirements.description).errors.length
    ? fixDescription(requirements.description, requirements.topics[0] ?? name)
    : requirements.description;
  const category = taxonomy.recommendedPath.split("/")[0] || "general";
  const outline = [
    ...outlineFor(requirements),
    ...feedbackTopics.map((t) => ({ title: clip(t, 60), description: "requested in review feedback" })),
  ];
  return {
    name,
    description,
    taxonomyPath: `${category}/${name}`,
    triggerPhrases: requirements.triggerPhrases,
    negativeTriggers: requirements.negativeTriggers,
    skillCategory: requirements.skillCategory,
    tags: unique(
      [...requirements.topics.map((t) => kebab(t, 3)), ...feedbackTopics.map((t) => kebab(t, 3))].filter(Boolean),
    ).slice(0, 7),
    outline: outline.slice(0, 15),
    guidance: `Write for: ${intent.targetAudience}. Keep sentences short, use numbered steps and runnable examples.${feedback ? ` Apply the reviewer's feedback: ${clip(feedback, 400)}` : ""}`,
    successCriteria: intent.successCriteria.slice(0, 5),
    estimatedLength: lengthFor(requirements, feedback),
    metadata: {
      "skill-category": requirements.skillCategory,
      domain: requirements.domain,
      "target-level": requirements.targetLevel,
    },
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
    metadata: { "skill-category": requirements.skillCategory },
    rationale: "fallback plan",
  };
}
