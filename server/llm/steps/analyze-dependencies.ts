import { z } from "zod";
import { offlineDependencies } from "../offline/understanding";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { defineStep } from "./define";
import { dependenciesSchema, intentSchema } from "./schemas";

export const analyzeDependencies = defineStep({
  name: "analyzeDependencies",
  input: z.object({
    taskDescription: z.string(),
    /** Absent on the first, parallel pass; the refined pass has the intent and the chosen path. */
    intent: intentSchema.optional(),
    taxonomyPath: z.string(),
    existingSkills: z.array(z.string()),
  }),
  output: dependenciesSchema,
  prompt: (input) => ({
    system: systemPrompt("You relate a new skill to the skills already in the library.", [
      'Every entry is "skill_id: reason" and names a skill from existingSkills.',
      "prerequisiteSkills: 0-3, only when truly required; complementarySkills: 0-5; conflictingSkills; missingPrerequisites: at most 2 skills that should exist but do not.",
      "dependencyRationale: 2-4 sentences.",
    ]),
    prompt: dataPrompt("Analyse the dependencies of this skill.", {
      task: input.taskDescription,
      intent: input.intent ?? {},
      taxonomyPath: input.taxonomyPath,
      existingSkills: input.existingSkills,
    }),
  }),
  offline: (input) => offlineDependencies(input.taskDescription, input.existingSkills),
  fallback: () => ({
    prerequisiteSkills: [],
    complementarySkills: [],
    conflictingSkills: [],
    missingPrerequisites: [],
    dependencyRationale: "Fallback dependencies due to analysis failure.",
  }),
});
