import { z } from "zod";
import { offlineIntent } from "../offline/understanding";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { defineStep } from "./define";
import { intentSchema, requirementsSchema } from "./schemas";

export const analyzeIntent = defineStep({
  name: "analyzeIntent",
  input: z.object({ taskDescription: z.string(), requirements: requirementsSchema }),
  output: intentSchema,
  prompt: (input) => ({
    system: systemPrompt("You work out why a user wants an agent skill and what success looks like.", [
      "purpose: 1-2 sentences on why the skill is needed; problemStatement; targetAudience: a persona.",
      "valueProposition; skillType: how_to, reference, concept, workflow, checklist or troubleshooting.",
      'scope: 2-4 sentences on what is in and out of scope; successCriteria: 3-5 measurable items starting with "User can".',
    ]),
    prompt: dataPrompt("Analyse the intent behind this task.", {
      task: input.taskDescription,
      requirements: input.requirements,
    }),
  }),
  offline: (input) => offlineIntent(input.taskDescription, input.requirements),
  fallback: (input) => ({
    purpose: `Help with: ${input.taskDescription.slice(0, 80)}`,
    problemStatement: `User needs guidance on: ${input.taskDescription.slice(0, 80)}`,
    targetAudience: "Developers",
    valueProposition: "Provides a clear, actionable workflow.",
    skillType: "how_to" as const,
    scope: "Focuses on practical steps and best practices.",
    successCriteria: ["User can complete the task"],
  }),
});
