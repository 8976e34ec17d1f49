import { z } from "zod";
import { offlineQuestions } from "../offline/understanding";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { defineStep } from "./define";
import { clarificationSchema, questionSchema, requirementsSchema } from "./schemas";

export const clarifyingQuestionsOutput = z.object({
  questions: z.array(questionSchema).min(1).max(5),
  priority: z.enum(["critical", "important", "optional"]),
  rationale: z.string(),
});

/**
 * hitl_questions (docs/workflow.md, Understanding): 2-3 focused questions when the task leaves too much open. No
 * fallback.
 */
export const generateClarifyingQuestions = defineStep({
  name: "generateClarifyingQuestions",
  input: z.object({
    taskDescription: z.string(),
    ambiguities: z.array(z.string()),
    requirements: requirementsSchema,
    previousAnswers: z.array(clarificationSchema).optional(),
  }),
  output: clarifyingQuestionsOutput,
  prompt: (input) => ({
    system: systemPrompt("You ask the few questions needed before an agent skill can be planned.", [
      "Ask 2-3 focused questions about the open points: goal, technology, audience, scope or edge cases.",
      "questionType: boolean, single (one option), multi (several options) or text; give 2-5 options with short ids for single and multi.",
      "Set allowsOther when the options may not cover every answer; give each question a one-sentence rationale.",
      'Give each option a short description, or "" when the label says it all.',
      "Do not repeat a question that previousAnswers already answer. Ask in the language of the task.",
    ]),
    prompt: dataPrompt("Write the clarifying questions for this task.", {
      task: input.taskDescription,
      ambiguities: input.ambiguities,
      initialAnalysis: input.requirements,
      previousAnswers: input.previousAnswers ?? [],
    }),
  }),
  offline: (input) => offlineQuestions(input.requirements),
});
