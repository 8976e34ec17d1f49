import { analyzeDependencies } from "./analyze-dependencies";
import { answerEvalCase } from "./answer-eval-case";
import { chooseSkill } from "./choose-skill";
import { judgeEvalAnswer } from "./judge-eval-answer";
import { judgeSecurity } from "./judge-security";
import { proposeDescription } from "./propose-description";
import { analyzeIntent } from "./analyze-intent";
import { assessQuality } from "./assess-quality";
import { findTaxonomyPath } from "./find-taxonomy-path";
import { gatherRequirements } from "./gather-requirements";
import { generateClarifyingQuestions } from "./generate-clarifying-questions";
import { generateContent } from "./generate-content";
import { generateTestCases } from "./generate-test-cases";
import { improveSkill } from "./improve-skill";
import { incorporateFeedback } from "./incorporate-feedback";
import { refineContent } from "./refine-content";
import { refineSkill } from "./refine-skill";
import { synthesizePlan } from "./synthesize-plan";
import { validateStructure } from "./validate-structure";

/** Every step of the workflow (docs/workflow.md): schemas, prompt, offline implementation and fallback. */
export {
  analyzeDependencies,
  analyzeIntent,
  assessQuality,
  findTaxonomyPath,
  gatherRequirements,
  generateClarifyingQuestions,
  generateContent,
  generateTestCases,
  improveSkill,
  incorporateFeedback,
  answerEvalCase,
  judgeEvalAnswer,
  judgeSecurity,
  chooseSkill,
  proposeDescription,
  refineContent,
  refineSkill,
  synthesizePlan,
  validateStructure,
};
export { refinementFeedback } from "./refine-content";
export { STEP_NAMES, stepEnvSuffix, type StepName } from "./names";
export type { StepDefinition } from "./types";
export * from "./schemas";

export const STEPS = {
  gatherRequirements,
  validateStructure,
  generateClarifyingQuestions,
  analyzeIntent,
  findTaxonomyPath,
  analyzeDependencies,
  synthesizePlan,
  generateContent,
  refineContent,
  incorporateFeedback,
  generateTestCases,
  assessQuality,
  refineSkill,
  improveSkill,
  answerEvalCase,
  judgeEvalAnswer,
  chooseSkill,
  proposeDescription,
  judgeSecurity,
} as const;
