import { z } from "zod";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { defineStep } from "./define";
import { planInputSchema } from "./schemas";

export const refineSkillOutput = z.object({
  refinedContent: z.string().min(1),
  improvementsMade: z.array(z.string()),
  newScoreEstimate: z.number().min(0).max(1),
  requiresAnotherPass: z.boolean(),
});

/**
 * Validation-phase refinement (docs/workflow.md, Validation): fix the assessed weaknesses. The score is re-assessed
 * after.
 */
export const refineSkill = defineStep({
  name: "refineSkill",
  input: z.object({
    currentContent: z.string(),
    weaknesses: z.array(z.string()),
    targetScore: z.number().min(0).max(1),
    plan: planInputSchema,
  }),
  output: refineSkillOutput,
  streamField: "refinedContent",
  prompt: (input) => ({
    system: systemPrompt("You fix the weaknesses a reviewer found in a SKILL.md.", [
      "Return the whole improved SKILL.md in refinedContent, frontmatter included; keep its length at least 90% of the original.",
      "Fix each weakness; list improvementsMade; estimate the new quality score; requiresAnotherPass when the target is still out of reach.",
      `Target quality score: ${input.targetScore}.`,
    ]),
    prompt: dataPrompt("Improve this skill.", { skill: input.currentContent, weaknesses: input.weaknesses }),
  }),
  // The offline engine cannot supply the missing expertise: the content is kept, and re-scoring shows no gain.
  offline: (input) => ({
    refinedContent: input.currentContent,
    improvementsMade: [],
    newScoreEstimate: 0,
    requiresAnotherPass: false,
  }),
});
