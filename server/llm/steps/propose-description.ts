import { z } from "zod";
import { SKILL_DESCRIPTION_MAX_CHARS } from "../../../contracts/limits";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { refuseOffline } from "./answer-eval-case";
import { defineStep } from "./define";

/**
 * Description tuning (docs/evals.md): from the trigger queries of the training split that the skill's description
 * got wrong, the model writes a better description. It never sees the held-out queries, so their score is an honest
 * estimate of how the description does on requests nobody tuned it for.
 */
export const triggerMissSchema = z.object({
  query: z.string(),
  shouldTrigger: z.boolean(),
  /** What the model loaded instead: another skill's name, or null for none. */
  chose: z.array(z.string().nullable()),
});

export const proposeDescription = defineStep({
  name: "proposeDescription",
  input: z.object({
    skillName: z.string(),
    description: z.string(),
    /** The start of the skill's SKILL.md body: what the skill actually covers. */
    skillBody: z.string(),
    misses: z.array(triggerMissSchema),
    /** Earlier attempts and how many training queries each got right, so the model does not repeat them. */
    attempts: z.array(z.object({ description: z.string(), trainScore: z.number() })),
  }),
  output: z.object({ description: z.string().trim().min(1).max(SKILL_DESCRIPTION_MAX_CHARS) }),
  prompt: (input) => ({
    system: systemPrompt("You write the description an agent reads to decide whether to load a skill.", [
      "Say what the skill does and when to use it, in the third person, with the words users' requests use.",
      "Make it load for the requests marked shouldTrigger=true and not for the others; stay true to the skill body.",
      `Keep it under ${SKILL_DESCRIPTION_MAX_CHARS} characters, plain text, no angle brackets.`,
    ]),
    prompt: dataPrompt("Write an improved description for this skill.", {
      name: input.skillName,
      current_description: input.description,
      skill_body: input.skillBody,
      misjudged_requests: input.misses,
      earlier_attempts: input.attempts,
    }),
  }),
  offline: refuseOffline,
});
