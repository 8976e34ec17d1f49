import { checkDescription, checkSkillName, fixDescription } from "./naming";

/**
 * validateStructure, offline: the judgement the model would add to the rule checks of a proposed name and
 * description (docs/workflow.md, Understanding), made by the same rules, with a concrete suggested fix for each problem
 * (the structure_fix checkpoint offers them).
 */
export interface StructureInput {
  skillName: string;
  description: string;
  skillContent?: string;
}

export interface SuggestedFix {
  field: "skillName" | "description";
  issue: string;
  current: string;
  suggested: string;
  explanation: string;
}

export interface StructureReport {
  nameValid: boolean;
  nameErrors: string[];
  descriptionValid: boolean;
  descriptionErrors: string[];
  descriptionWarnings: string[];
  hasTriggerConditions: boolean;
  estimatedWordCount: number;
  sizeRecommendation: "optimal" | "acceptable" | "consider_splitting";
  securityIssues: string[];
  overallValid: boolean;
  suggestedFixes: SuggestedFix[];
}

function sizeOf(words: number): StructureReport["sizeRecommendation"] {
  if (words < 3000) return "optimal";
  return words <= 5000 ? "acceptable" : "consider_splitting";
}

export function offlineStructure(input: StructureInput): StructureReport {
  const name = checkSkillName(input.skillName);
  const description = checkDescription(input.description);
  const descriptionProblems = [...description.errors, ...description.securityIssues];
  const fixes: SuggestedFix[] = [];
  if (name.errors.length)
    fixes.push({
      field: "skillName",
      issue: name.errors[0] ?? "",
      current: input.skillName,
      suggested: name.suggestion,
      explanation: "Lowercase words joined by single hyphens, starting with a letter.",
    });
  if (descriptionProblems.length) {
    const suggested = fixDescription(input.description, name.suggestion.replace(/-/g, " "));
    fixes.push({
      field: "description",
      issue: descriptionProblems[0] ?? "",
      current: input.description,
      suggested,
      explanation: 'Say when to use the skill, starting with "Use when …", without angle brackets.',
    });
  }
  const words = input.skillContent?.trim() ? input.skillContent.trim().split(/\s+/).length : 0;
  return {
    nameValid: name.errors.length === 0,
    nameErrors: name.errors,
    descriptionValid: description.errors.length === 0,
    descriptionErrors: description.errors,
    descriptionWarnings: description.warnings,
    hasTriggerConditions: description.hasTrigger,
    estimatedWordCount: words,
    sizeRecommendation: sizeOf(words),
    securityIssues: description.securityIssues,
    overallValid: name.errors.length === 0 && descriptionProblems.length === 0,
    suggestedFixes: fixes,
  };
}
