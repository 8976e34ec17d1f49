import { CATEGORY_TEMPLATES, isSkillCategory } from "../skills/validator/rules/templates";
import type { SkillCategory } from "./steps/schemas";

/**
 * Category templates for generation: the validator's own table (one source of truth for the required headings
 * and elements, docs/skill-format.md) plus the example skills the prompt cites and a noun for names and titles.
 */
export interface CategoryTemplate {
  requiredSections: string[];
  requiredElements: string[];
  exampleSkills: string[];
  noun: string;
}

const EXTRAS: Record<SkillCategory, { exampleSkills: string[]; noun: string }> = {
  document_creation: { exampleSkills: ["frontend-design", "docx", "pptx", "xlsx"], noun: "writer" },
  workflow_automation: { exampleSkills: ["skill-creator", "onboarding", "sprint-planning"], noun: "workflow" },
  mcp_enhancement: { exampleSkills: ["sentry-code-review", "linear-workflow", "notion-setup"], noun: "integration" },
  analysis: { exampleSkills: ["code-review", "data-analysis", "security-audit"], noun: "analysis" },
  other: { exampleSkills: [], noun: "guide" },
};

export function templateFor(category: string): CategoryTemplate {
  const key: SkillCategory = isSkillCategory(category) ? category : "other";
  const template = CATEGORY_TEMPLATES[key];
  return { requiredSections: template.headings, requiredElements: template.elements, ...EXTRAS[key] };
}
