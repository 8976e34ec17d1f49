import { z } from "zod";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { refuseOffline } from "./answer-eval-case";
import { defineStep } from "./define";

/**
 * A trigger eval (docs/evals.md): the model sees the `<available_skills>` list, as agents do, and the user's query,
 * and names the one skill it would load, or none.
 */
export const choiceSkillSchema = z.object({ name: z.string(), description: z.string() });

export function availableSkills(skills: z.infer<typeof choiceSkillSchema>[]): string {
  const entries = skills.map(
    (skill) => `<skill>\n<name>${skill.name}</name>\n<description>${skill.description}</description>\n</skill>`,
  );
  return `<available_skills>\n${entries.join("\n")}\n</available_skills>`;
}

export const chooseSkill = defineStep({
  name: "chooseSkill",
  input: z.object({ query: z.string(), skills: z.array(choiceSkillSchema) }),
  output: z.object({ skill: z.string().nullable() }),
  prompt: (input) => ({
    system: systemPrompt("You are an agent deciding which skill, if any, to load for the user's request.", [
      "Load a skill only when its description says it applies to the request.",
      "Answer with the skill's exact name in `skill`, or null when no skill applies.",
    ]),
    prompt: dataPrompt("Which skill would you load for this request?", {
      skills: availableSkills(input.skills),
      request: input.query,
    }),
  }),
  offline: refuseOffline,
});
