import { z } from "zod";
import { improveOffline } from "../offline/improve";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { defineStep } from "./define";

/**
 * The improve workflow's Generation (docs/library.md, Improve): an existing SKILL.md revised by the user's
 * instructions, informed by its findings. The name stays (a new version of the same skill); without a model only
 * structural instructions are applied and the rest is reported as not applied (server/llm/offline/improve.ts).
 */
export const improveSkillOutput = z.object({
  revisedContent: z.string(),
  changesMade: z.array(z.string()),
  notApplied: z.array(z.string()),
  reasoning: z.string(),
});

export const improveSkill = defineStep({
  name: "improveSkill",
  input: z.object({
    skillContent: z.string(),
    instructions: z.string(),
    findings: z.array(z.string()),
    covers: z.array(z.string()),
  }),
  output: improveSkillOutput,
  streamField: "revisedContent",
  prompt: (input) => ({
    system: systemPrompt("You improve an existing Agent Skill (SKILL.md) following its owner's instructions.", [
      "Apply every instruction; fix the validator findings where the instructions allow.",
      "Keep the frontmatter's name unchanged (this is a new version of the same skill) and keep what works.",
      "Return the whole revised SKILL.md in revisedContent; list changesMade, and notApplied with the reason.",
    ]),
    prompt: dataPrompt("Revise the skill by the instructions.", {
      skill: input.skillContent,
      instructions: input.instructions,
      findings: input.findings,
      sections: input.covers,
    }),
  }),
  offline: (input) => {
    const result = improveOffline(input.skillContent, input.instructions);
    return {
      revisedContent: result.content,
      changesMade: result.applied,
      notApplied: result.notApplied,
      reasoning:
        "Offline engine (no model): structural instructions applied with places marked to fill; the content itself was not rewritten.",
    };
  },
  fallback: (input) => ({
    revisedContent: input.skillContent,
    changesMade: [],
    notApplied: [input.instructions],
    reasoning: "fallback: the model failed, the skill is unchanged",
  }),
  finalize: (output, { input }) =>
    output.revisedContent.trim() ? output : { ...output, revisedContent: input.skillContent, changesMade: [] },
});
