/** Every step of the workflow, in the order they usually run. */
export const STEP_NAMES = [
  "gatherRequirements",
  "validateStructure",
  "generateClarifyingQuestions",
  "analyzeIntent",
  "findTaxonomyPath",
  "analyzeDependencies",
  "synthesizePlan",
  "generateContent",
  "refineContent",
  "incorporateFeedback",
  "generateTestCases",
  "assessQuality",
  "refineSkill",
  "improveSkill",
  "answerEvalCase",
  "judgeEvalAnswer",
  "chooseSkill",
  "proposeDescription",
  "judgeSecurity",
] as const;

export type StepName = (typeof STEP_NAMES)[number];

/** `generateContent` → `GENERATE_CONTENT`, the suffix of its SKILL_FLEET_MODEL_<STEP> override. */
export function stepEnvSuffix(name: StepName): string {
  return name.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
}
