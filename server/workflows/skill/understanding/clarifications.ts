import type { Clarification, Requirements } from "../../../llm/steps/schemas";
import type { CheckpointAnswer } from "../base-workflow";
import type { Question } from "../../../../contracts/checkpoints";

/** Ambiguities worth a question (docs/workflow.md, Understanding: longer than 10 characters). */
export function needsClarification(requirements: Requirements): boolean {
  return requirements.ambiguities.some((a) => a.trim().length > 10);
}

function optionLabels(question: Question, selected: string[]): string[] {
  if (question.questionType === "boolean")
    return selected.map((id) => (id === "yes" ? "Yes" : id === "no" ? "No" : id));
  return selected.map((id) => question.options.find((o) => o.id === id)?.label ?? id);
}

/** Answers to one round of questions as text the next requirements pass can read ("Q: … / A: …"). */
export function clarificationsFrom(questions: Question[], answer: CheckpointAnswer<"clarify">): Clarification[] {
  return questions.flatMap((question) => {
    const given = answer.answers[question.id];
    if (!given) return [];
    const parts = [...optionLabels(question, given.selected), ...(given.text ? [given.text] : [])];
    return parts.length ? [{ question: question.text, answer: parts.join("; ") }] : [];
  });
}
