import { SCAFFOLD_LABEL } from "../../../contracts/validation";
import type { Plan } from "../../llm/steps/index";
import { buildSkillFiles, type SkillWriteInput } from "../../skills/skill-writer";
import { validateSkillFiles, type ValidationReport } from "../../skills/validator/index";
import { skillCreatorEvals, triggerEvals } from "./evals";
import type { TestCases } from "./validation/validation-report";

/**
 * The files a job's draft consists of, built once from the same facts for validation and for writing: so the
 * job page, the draft (a version in the library, docs/library.md) and its zip are judged on the same files.
 */
export interface DraftFacts {
  jobId: string;
  plan: Plan;
  content: string;
  testCases: TestCases;
  engine: string;
  validation?: { passed: boolean; score: number };
}

export function draftWriteInput(facts: DraftFacts): SkillWriteInput {
  const { plan } = facts;
  return {
    skillPath: plan.taxonomyPath,
    skillMd: facts.content,
    files: {
      "evals/evals.json": skillCreatorEvals(plan.name, facts.testCases),
      "evals/trigger-evals.json": triggerEvals(facts.testCases),
    },
    metadata: {
      name: plan.name,
      description: plan.description,
      taxonomyPath: plan.taxonomyPath,
      category: plan.skillCategory,
      tags: plan.tags,
      triggerPhrases: plan.triggerPhrases,
      negativeTriggers: plan.negativeTriggers,
      generatedBy: facts.engine,
      ...(facts.engine === "offline" ? { draft: SCAFFOLD_LABEL } : {}),
      jobId: facts.jobId,
      validation: facts.validation ?? null,
    },
  };
}

/** Validates the draft exactly as it will be written; returns the report and the SKILL.md the folder gets. */
export function validateDraft(facts: DraftFacts, threshold: number): { report: ValidationReport; skillMd: string } {
  const input = draftWriteInput(facts);
  const files = buildSkillFiles(input);
  const folder = facts.plan.taxonomyPath.split("/").at(-1) ?? facts.plan.name;
  const keyed = Object.fromEntries([...files].map(([file, text]) => [`${folder}/${file}`, text]));
  return { report: validateSkillFiles(keyed, { threshold }), skillMd: files.get("SKILL.md") ?? facts.content };
}
