import type { z } from "zod";
import type { ClarifyPrompt, Question, clarifyResponseSchema, questionAnswerSchema } from "../contracts/checkpoints";
import type { Terminal } from "./terminal";

/**
 * The clarify checkpoint in a terminal: each question in turn, options numbered (several numbers for a
 * multi-choice), y/n for yes-no, free text for a text question or an "other" answer. An empty line skips a
 * question; `/cancel` cancels the job.
 */
type QuestionAnswer = z.input<typeof questionAnswerSchema>;
type ClarifyAnswer = z.input<typeof clarifyResponseSchema>;
type Parsed = QuestionAnswer | "skip" | "invalid";

const CANCEL = "/cancel";

function yesNo(answer: string): string | null {
  if (/^(y|yes|1)$/i.test(answer)) return "yes";
  if (/^(n|no|2)$/i.test(answer)) return "no";
  return null;
}

/** Option numbers (`2`, `1,3`, `1 3`) mapped to ids, or null when the answer is not a list of valid numbers. */
function optionIds(question: Question, answer: string): string[] | null {
  const parts = answer.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0 || !parts.every((p) => /^\d+$/.test(p))) return null;
  const ids = parts.map((p) => question.options[Number(p) - 1]?.id);
  if (ids.some((id) => id === undefined)) return null;
  if (question.questionType !== "multi" && ids.length > 1) return null;
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

export function parseQuestionAnswer(question: Question, answer: string): Parsed {
  if (answer === "") return "skip";
  if (question.questionType === "text") return { selected: [], text: answer };
  if (question.questionType === "boolean" && question.options.length === 0) {
    const choice = yesNo(answer);
    return choice ? { selected: [choice] } : "invalid";
  }
  const ids = optionIds(question, answer);
  if (ids) return { selected: ids };
  return question.allowsOther ? { selected: [], text: answer } : "invalid";
}

function hint(question: Question): string {
  if (question.questionType === "text") return "type your answer";
  if (question.questionType === "boolean" && question.options.length === 0) return "y/n";
  const pick = question.questionType === "multi" ? "numbers, e.g. 1,3" : "a number";
  return question.allowsOther ? `${pick}, or type your own answer` : pick;
}

function showQuestion(term: Terminal, question: Question, index: number, total: number): void {
  term.print(`\n(${index + 1}/${total}) ${question.text}`);
  if (question.rationale) term.print(`    why: ${question.rationale}`);
  question.options.forEach((o, i) => term.print(`  ${i + 1}) ${o.label}${o.description ? ` — ${o.description}` : ""}`));
  term.print(`  [${hint(question)}; empty to skip; ${CANCEL} to cancel the job]`);
}

async function askQuestion(term: Terminal, question: Question): Promise<Exclude<Parsed, "invalid"> | "cancel" | null> {
  for (;;) {
    const answer = await term.ask(">");
    if (answer === null || answer === CANCEL) return answer === null ? null : "cancel";
    const parsed = parseQuestionAnswer(question, answer);
    if (parsed !== "invalid") return parsed;
    term.print(`Please answer with ${hint(question)}.`);
  }
}

export async function askClarify(term: Terminal, prompt: ClarifyPrompt): Promise<ClarifyAnswer | null> {
  term.print(
    `Clarifying questions (round ${prompt.round} of ${prompt.maxRounds}, ${prompt.priority}): ${prompt.rationale}`,
  );
  const answers: Record<string, QuestionAnswer> = {};
  for (const [index, question] of prompt.questions.entries()) {
    showQuestion(term, question, index, prompt.questions.length);
    const parsed = await askQuestion(term, question);
    if (parsed === null) return null;
    if (parsed === "cancel") return { action: "cancel" };
    if (parsed !== "skip") answers[question.id] = parsed;
  }
  return { action: "answer", answers };
}
