import { z } from "zod";
import { fallbackCompliance, offlineCompliance } from "../offline/review";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { defineStep } from "./define";

export const complianceSchema = z.object({
  passed: z.boolean(),
  complianceScore: z.number().min(0).max(1),
  issues: z.array(z.string()),
  criticalIssues: z.array(z.string()),
  warnings: z.array(z.string()),
  autoFixable: z.boolean(),
});

export const checkCompliance = defineStep({
  name: "checkCompliance",
  input: z.object({ skillContent: z.string(), taxonomyPath: z.string() }),
  output: complianceSchema,
  prompt: (input) => ({
    system: systemPrompt("You check a SKILL.md against the agentskills.io specification.", [
      "Check the frontmatter (name equal to the last path segment, description), structure, naming and required sections.",
      "issues: every problem; criticalIssues: the ones that make the skill unusable; warnings: style problems.",
      "complianceScore from 0 to 1; passed only when there are no issues; autoFixable when the issues could be fixed mechanically.",
    ]),
    prompt: dataPrompt("Check this skill.", { skill: input.skillContent, taxonomyPath: input.taxonomyPath }),
  }),
  offline: (input) => offlineCompliance(input.skillContent, input.taxonomyPath),
  fallback: (input) => fallbackCompliance(input.skillContent, input.taxonomyPath),
});
