import type { AnswerCall, AnswerFn } from "./types";

/**
 * A good model's answers over HTTP, taken from a reference run: the step comes from the `x-skill-fleet-step` header
 * and its answer is the output that step recorded when the same task ran on the in-process scripted model. So a job
 * over the stub follows the reference job's path, and a fault mode changes only how the answer travels.
 */
export interface RecordedStep {
  provenance: { step: string } | null;
  output: unknown;
}

export function referenceAnswers(steps: readonly RecordedStep[]): AnswerFn {
  const answers = new Map<string, unknown>();
  for (const step of steps)
    if (step.provenance && !answers.has(step.provenance.step)) answers.set(step.provenance.step, step.output);
  return (call: AnswerCall) => {
    if (!call.step || !answers.has(call.step))
      throw new Error(`provider stub: no reference answer for ${String(call.step)}`);
    return answers.get(call.step);
  };
}
