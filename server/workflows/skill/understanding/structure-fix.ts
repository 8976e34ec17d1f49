import type { Requirements } from "../../../llm/steps/schemas";
import type { StructureReport } from "../../../llm/steps/validate-structure";
import type { CheckpointAnswer } from "../base-workflow";
import type { StructureFixPrompt } from "../../../../contracts/checkpoints";

/**
 * The user's own name/description from a structure_fix answer; it outlives later rounds (docs/workflow.md,
 * Understanding).
 */
export interface StructureOverride {
  name?: string;
  description?: string;
}

export function applyOverride(requirements: Requirements, override: StructureOverride | null): Requirements {
  if (!override) return requirements;
  return {
    ...requirements,
    suggestedSkillName: override.name?.trim() || requirements.suggestedSkillName,
    description: override.description?.trim() || requirements.description,
  };
}

function suggestion(report: StructureReport, field: "skillName" | "description"): string | undefined {
  return report.suggestedFixes.find((f) => f.field === field)?.suggested;
}

export function structureFixPrompt(report: StructureReport, requirements: Requirements): StructureFixPrompt {
  return {
    issues: [...report.nameErrors, ...report.descriptionErrors, ...report.securityIssues],
    warnings: report.descriptionWarnings,
    suggestedFixes: report.suggestedFixes.map((fix) => ({
      ...fix,
      field: fix.field === "skillName" ? ("name" as const) : ("description" as const),
    })),
    currentValues: { name: requirements.suggestedSkillName, description: requirements.description },
  };
}

/** What the answer means: the edited values, with suggestions filling what the user left out when accepted. */
export function overrideFrom(
  answer: CheckpointAnswer<"structure_fix">,
  report: StructureReport,
  previous: StructureOverride | null,
): StructureOverride {
  const accept = answer.acceptSuggestions;
  return {
    name: answer.name || (accept ? suggestion(report, "skillName") : undefined) || previous?.name,
    description:
      answer.description || (accept ? suggestion(report, "description") : undefined) || previous?.description,
  };
}

/** After the last allowed round the suggested fixes are applied automatically, so the job can go on. */
export function automaticOverride(report: StructureReport, previous: StructureOverride | null): StructureOverride {
  return {
    name: suggestion(report, "skillName") ?? previous?.name,
    description: suggestion(report, "description") ?? previous?.description,
  };
}
