import { z } from "zod";
import { fallbackQuality, offlineQuality } from "../offline/review";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { defineStep } from "./define";
import { planSchema } from "./schemas";

const score = z.number().min(0).max(1);

export const qualityAssessmentSchema = z.object({
  overallScore: score,
  completeness: score,
  clarity: score,
  usefulness: score,
  accuracy: score,
  strengths: z.array(z.string()),
  weaknesses: z.array(z.string()),
  meetsSuccessCriteria: z.boolean(),
  missingSuccessCriteria: z.array(z.string()),
});

/** AssessQuality (docs/quality.md): the score compared with the pass threshold. Fallback: all zeros. */
export const assessQuality = defineStep({
  name: "assessQuality",
  input: z.object({ skillContent: z.string(), plan: planSchema, successCriteria: z.array(z.string()) }),
  output: qualityAssessmentSchema,
  prompt: (input) => ({
    system: systemPrompt("You judge the quality of a SKILL.md as a demanding reviewer.", [
      "Scores from 0 to 1: overallScore, completeness, clarity, usefulness, accuracy. 0.75 or more means ready to publish.",
      "strengths: 3-5; weaknesses: 3-5, each specific enough to act on.",
      "meetsSuccessCriteria and missingSuccessCriteria against the given success criteria.",
    ]),
    prompt: dataPrompt("Assess this skill.", {
      skill: input.skillContent,
      plan: input.plan,
      successCriteria: input.successCriteria,
    }),
  }),
  offline: (input) => offlineQuality(input.skillContent, input.plan, input.successCriteria),
  fallback: () => fallbackQuality(),
});
