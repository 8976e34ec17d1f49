import { z } from "zod";
import { fallbackTestCases, offlineTestCases } from "../offline/test-cases";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { defineStep } from "./define";

export const testCasesSchema = z.object({
  positiveTests: z.array(z.string()),
  negativeTests: z.array(z.string()),
  edgeCases: z.array(z.string()),
  functionalTests: z.array(
    z.object({
      scenario: z.string(),
      input: z.string(),
      expectedBehavior: z.string(),
      successCriteria: z.array(z.string()),
    }),
  ),
  totalTests: z.number().int().min(0),
});

export const generateTestCases = defineStep({
  name: "generateTestCases",
  input: z.object({
    skillName: z.string(),
    skillDescription: z.string(),
    triggerPhrases: z.array(z.string()),
    negativeTriggers: z.array(z.string()),
    skillCategory: z.string(),
  }),
  output: testCasesSchema,
  prompt: (input) => ({
    system: systemPrompt("You write trigger tests and functional scenarios for an agent skill.", [
      "positiveTests: 10 user queries that should load the skill (3 exact triggers, 3 paraphrases, 2 with context, 2 ambiguous but relevant).",
      "negativeTests: 10 that should not (3 unrelated, 3 similar but different intent, 2 partial matches, 2 confusing).",
      "edgeCases: 5; functionalTests: 5 of {scenario, input, expectedBehavior, successCriteria}; totalTests = positives + negatives + edge cases.",
    ]),
    prompt: dataPrompt("Write the test cases for this skill.", {
      name: input.skillName,
      description: input.skillDescription,
      triggerPhrases: input.triggerPhrases.slice(0, 10),
      negativeTriggers: input.negativeTriggers.slice(0, 5),
      skillCategory: input.skillCategory,
    }),
  }),
  offline: (input) => offlineTestCases(input),
  fallback: (input) => fallbackTestCases(input),
});
