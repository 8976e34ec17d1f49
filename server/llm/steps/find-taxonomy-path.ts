import { z } from "zod";
import { offlineTaxonomy } from "../offline/understanding";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { defineStep } from "./define";
import { requirementsSchema, taxonomySchema } from "./schemas";

export const findTaxonomyPath = defineStep({
  name: "findTaxonomyPath",
  input: z.object({
    taskDescription: z.string(),
    requirements: requirementsSchema,
    /** The relevant part of the library tree, as JSON text. */
    taxonomyStructure: z.string(),
    existingSkills: z.array(z.string()),
  }),
  output: taxonomySchema,
  prompt: (input) => ({
    system: systemPrompt("You choose where a new skill belongs in a skill library.", [
      "recommendedPath: category/skill-name, two kebab-case segments; reuse an existing category when one fits, avoid new top-level categories.",
      "Prefer specific over general. alternativePaths: 2-3 other options or none; newDirectories: folders the path would create.",
      "confidence from 0 to 1: above 0.8 when the fit is clear, below 0.6 when a human should confirm.",
    ]),
    prompt: dataPrompt("Choose the library path for this skill.", {
      task: input.taskDescription,
      requirements: input.requirements,
      taxonomy: input.taxonomyStructure,
      existingSkills: input.existingSkills,
    }),
  }),
  offline: (input) => offlineTaxonomy(input.requirements, input.taxonomyStructure, input.existingSkills),
  fallback: () => ({
    recommendedPath: "general/uncategorized",
    alternativePaths: [],
    pathRationale: "Fallback path: the model did not answer.",
    newDirectories: [],
    confidence: 0,
  }),
});
