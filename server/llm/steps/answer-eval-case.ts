import { z } from "zod";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { defineStep } from "./define";

/**
 * An eval case's prompt answered by the model under test (docs/evals.md): with the skill loaded the way agents load
 * it (its SKILL.md in context, its other files listed and readable through the `read_file` tool), or without it (the
 * baseline). There is no offline answer: an eval without a model would be a made-up number.
 */
export const EVALS_NEED_A_MODEL =
  "evals need a model: set SKILL_FLEET_MODEL=<provider:model> (e.g. anthropic:claude-sonnet-4-5); the offline engine cannot run them";

export const refuseOffline = (): never => {
  throw new Error(EVALS_NEED_A_MODEL);
};

export const loadedSkillSchema = z.object({
  name: z.string(),
  skillMd: z.string(),
  /** Paths of the skill's other files, readable with the read_file tool. */
  files: z.array(z.string()),
});

export const answerEvalCase = defineStep({
  name: "answerEvalCase",
  input: z.object({ prompt: z.string(), skill: loadedSkillSchema.nullable() }),
  output: z.object({ answer: z.string() }),
  prompt: (input) => ({
    system: systemPrompt("You are an assistant doing the user's task as well as you can.", [
      "Do the task in the user's request and give your complete answer in `answer`.",
      ...(input.skill
        ? [
            `The skill "${input.skill.name}" is loaded: follow its SKILL.md where it applies.`,
            "Read the skill's other files with the read_file tool when SKILL.md points to them.",
          ]
        : []),
    ]),
    prompt: dataPrompt(
      "Do this task.",
      input.skill
        ? { request: input.prompt, skill: input.skill.skillMd, skillFiles: input.skill.files }
        : { request: input.prompt },
    ),
  }),
  offline: refuseOffline,
});
