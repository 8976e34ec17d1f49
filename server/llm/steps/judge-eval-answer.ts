import { z } from "zod";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { refuseOffline } from "./answer-eval-case";
import { defineStep } from "./define";

/** The judge of an eval (docs/evals.md): every assertion pass or fail, quoting the answer as its evidence. */
export const verdictSchema = z.object({
  assertion: z.string(),
  passed: z.boolean(),
  evidence: z.string(),
});

export const judgeEvalAnswer = defineStep({
  name: "judgeEvalAnswer",
  input: z.object({ prompt: z.string(), answer: z.string(), assertions: z.array(z.string()).min(1) }),
  output: z.object({ verdicts: z.array(verdictSchema) }),
  prompt: (input) => ({
    system: systemPrompt("You grade an assistant's answer against a list of assertions, strictly.", [
      "Return one verdict per assertion, in the given order, with the assertion's text unchanged.",
      "passed is true only when the answer clearly satisfies the assertion.",
      "evidence quotes the part of the answer that decides it, verbatim; when nothing does, say what is missing.",
    ]),
    prompt: dataPrompt("Grade the answer.", {
      request: input.prompt,
      answer: input.answer,
      assertions: input.assertions,
    }),
  }),
  offline: refuseOffline,
});
