import { z } from "zod";
import { offlineStructure } from "../offline/structure";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { defineStep } from "./define";

export const validateStructureInput = z.object({
  skillName: z.string(),
  description: z.string(),
  skillContent: z.string().optional(),
});

export const structureReportSchema = z.object({
  nameValid: z.boolean(),
  nameErrors: z.array(z.string()),
  descriptionValid: z.boolean(),
  descriptionErrors: z.array(z.string()),
  descriptionWarnings: z.array(z.string()),
  hasTriggerConditions: z.boolean(),
  estimatedWordCount: z.number().int().min(0),
  sizeRecommendation: z.enum(["optimal", "acceptable", "consider_splitting"]),
  securityIssues: z.array(z.string()),
  overallValid: z.boolean(),
  suggestedFixes: z.array(
    z.object({
      field: z.enum(["skillName", "description"]),
      issue: z.string(),
      current: z.string(),
      suggested: z.string(),
      explanation: z.string(),
    }),
  ),
});
export type StructureReport = z.infer<typeof structureReportSchema>;

/**
 * The model's half of structure validation (docs/workflow.md, Understanding); the rule half is the skill validator. If
 * the model fails, the rule-based judgement is used whatever the fallback setting (as the reference does).
 */
export const validateStructure = defineStep({
  name: "validateStructure",
  input: validateStructureInput,
  output: structureReportSchema,
  prompt: (input) => ({
    system: systemPrompt(
      "You review the proposed name and description of an agent skill against the Agent Skills rules.",
      [
        "Name: 1-64 characters, lowercase letters, digits and single hyphens, starting with a letter; must not contain claude or anthropic.",
        'Description: at most 1024 characters, says when to use the skill (ideally starting with "Use when"), no XML angle brackets (report those as securityIssues).',
        "sizeRecommendation from the content's word count: optimal under 3000, acceptable to 5000, else consider_splitting.",
        "For every problem add a suggestedFix with a concrete corrected value.",
      ],
    ),
    prompt: dataPrompt("Review this proposed skill name, description and content.", {
      skillName: input.skillName,
      description: input.description,
      skillContent: input.skillContent ?? "",
    }),
  }),
  offline: (input) => offlineStructure(input),
  fallback: (input) => offlineStructure(input),
  fallbackPolicy: "always",
});
