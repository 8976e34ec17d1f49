import type { RouterOutputs } from "../../_lib/router-types";

/**
 * A past checkpoint in the words of its form (docs/ui.md, Timeline): what was asked, and what the person chose,
 * as sentences instead of the stored JSON.
 */
export type PastCheckpoint = RouterOutputs["jobs"]["timeline"]["checkpoints"][number];
type Readable = Extract<PastCheckpoint, { readable: true }>;
type Of<T extends Readable["type"]> = Extract<Readable, { type: T }>;

const quote = (text: string) => `“${text}”`;

function clarifyAnswer(checkpoint: Of<"clarify">): string[] {
  const answers = checkpoint.response?.action === "answer" ? checkpoint.response.answers : {};
  return checkpoint.prompt.questions.map((question) => {
    const answer = answers[question.id];
    const labels = (answer?.selected ?? []).map(
      (id) =>
        question.options.find((option) => option.id === id)?.label ?? (id === "yes" ? "Yes" : id === "no" ? "No" : id),
    );
    const chosen = [...labels, ...(answer?.text ? [quote(answer.text)] : [])];
    return `${question.text} — ${chosen.length ? chosen.join(", ") : "skipped"}`;
  });
}

function structureFixAnswer(checkpoint: Of<"structure_fix">): string[] {
  const response = checkpoint.response;
  if (response?.action !== "apply") return [];
  if (response.acceptSuggestions) return ["Accepted the suggested fixes."];
  return [
    ...(response.name ? [`Chose the name ${quote(response.name)}.`] : []),
    ...(response.description ? [`Chose the description ${quote(response.description)}.`] : []),
  ];
}

const DECIDED = {
  confirm: "Approved the plan.",
  preview: "Approved the content.",
  validate: "Accepted the validation.",
};

function decisionAnswer(checkpoint: Of<"confirm" | "preview" | "validate">): string[] {
  const response = checkpoint.response;
  if (!response || response.action === "cancel") return [];
  if (response.action === "proceed") return [DECIDED[checkpoint.type]];
  const verb = response.action === "revise" ? "a revision" : "a refinement";
  return [`Asked for ${verb}: ${quote(response.feedback)}`];
}

const UNANSWERED: Record<PastCheckpoint["status"], string> = {
  pending: "Waiting for an answer.",
  answered: "Answered.",
  cancelled: "Not answered: the job was cancelled.",
  expired: "Not answered before the deadline.",
  superseded: "Not answered: the job had already stopped.",
};

/** The answer as sentences (one per question for clarifying questions). */
export function answerWords(checkpoint: PastCheckpoint): string[] {
  if (!checkpoint.readable) return [UNANSWERED[checkpoint.status]];
  if (checkpoint.response?.action === "cancel") return ["Cancelled the job here."];
  const words =
    checkpoint.type === "clarify"
      ? clarifyAnswer(checkpoint)
      : checkpoint.type === "structure_fix"
        ? structureFixAnswer(checkpoint)
        : decisionAnswer(checkpoint);
  return words.length ? words : [UNANSWERED[checkpoint.status]];
}

/** What was asked, in a line or a few. */
export function questionWords(checkpoint: PastCheckpoint): string[] {
  if (!checkpoint.readable) return [`A ${checkpoint.type.replace("_", " ")} question (${checkpoint.problem}).`];
  switch (checkpoint.type) {
    case "clarify":
      return checkpoint.prompt.questions.map((question) => question.text);
    case "structure_fix":
      return checkpoint.prompt.issues;
    case "confirm":
      return [`Approve the plan for ${checkpoint.prompt.path}?`];
    case "preview":
      return [
        `Approve the SKILL.md (${checkpoint.prompt.sectionsCount} sections, ${checkpoint.prompt.examplesCount} examples)?`,
      ];
    case "validate":
      return [
        `Accept the validation (score ${checkpoint.prompt.validationScore.toFixed(2)}, ${checkpoint.prompt.passed ? "passes" : "does not pass"})?`,
      ];
  }
}
