"use client";

import { useState, type FormEvent } from "react";
import type { ClarifyPrompt, Question } from "@/contracts/checkpoints";
import { ANSWER_TEXT_MAX_CHARS } from "@/contracts/limits";
import { CharCount } from "../char-count";
import { AnswerStatus } from "./answer-status";
import { useAnswer } from "./use-answer";

type Answer = { selected: string[]; text?: string };
const OTHER = "__other__";

/** The "Other: …" choice with its own text box. */
function OtherOption({
  question,
  answer,
  multi,
  onChange,
  toggle,
}: {
  question: Question;
  answer: Answer;
  multi: boolean;
  onChange: (a: Answer) => void;
  toggle: (id: string, on: boolean) => void;
}) {
  const name = `q-${question.id}`;
  return (
    <label className="check">
      <input
        type={multi ? "checkbox" : "radio"}
        name={name}
        checked={answer.selected.includes(OTHER)}
        onChange={(e) => toggle(OTHER, e.target.checked)}
      />
      <span>
        Other:{" "}
        <input
          type="text"
          aria-label={`Other answer to: ${question.text}`}
          value={answer.text ?? ""}
          onChange={(e) =>
            onChange({
              selected: multi ? [...new Set([...answer.selected, OTHER])] : [OTHER],
              text: e.target.value,
            })
          }
        />
      </span>
    </label>
  );
}

function QuestionControl({
  question,
  answer,
  onChange,
}: {
  question: Question;
  answer: Answer;
  onChange: (a: Answer) => void;
}) {
  const name = `q-${question.id}`;
  if (question.questionType === "text") {
    return (
      <textarea
        aria-label={question.text}
        name={name}
        rows={3}
        value={answer.text ?? ""}
        onChange={(e) => onChange({ selected: [], text: e.target.value })}
      />
    );
  }
  const multi = question.questionType === "multi";
  const options =
    question.questionType === "boolean"
      ? [
          { id: "yes", label: "Yes" },
          { id: "no", label: "No" },
        ]
      : question.options;
  const toggle = (id: string, on: boolean) => {
    const rest = answer.selected.filter((s) => s !== id);
    onChange({ ...answer, selected: multi ? (on ? [...rest, id] : rest) : [id] });
  };
  return (
    <div className="stack" role={multi ? "group" : "radiogroup"} aria-label={question.text}>
      {options.map((option) => (
        <label key={option.id} className="check">
          <input
            type={multi ? "checkbox" : "radio"}
            name={name}
            checked={answer.selected.includes(option.id)}
            onChange={(e) => toggle(option.id, e.target.checked)}
          />
          <span>
            {option.label}
            {"description" in option && option.description ? (
              <span className="hint"> — {option.description}</span>
            ) : null}
          </span>
        </label>
      ))}
      {question.allowsOther && question.questionType !== "boolean" && (
        <OtherOption question={question} answer={answer} multi={multi} onChange={onChange} toggle={toggle} />
      )}
    </div>
  );
}

function toResponse(answers: Record<string, Answer>) {
  const cleaned = Object.fromEntries(
    Object.entries(answers).map(([id, a]) => [
      id,
      { selected: a.selected.filter((s) => s !== OTHER), ...(a.text?.trim() ? { text: a.text.trim() } : {}) },
    ]),
  );
  return { action: "answer", answers: cleaned };
}

const tooLong = (answer: Answer | undefined): boolean => (answer?.text?.trim().length ?? 0) > ANSWER_TEXT_MAX_CHARS;

/** One question: its control, and for free text a counter against the server's limit. */
function QuestionField(props: { question: Question; index: number; answer: Answer; onChange: (a: Answer) => void }) {
  const { question, answer } = props;
  const counterId = `q-${question.id}-count`;
  return (
    <fieldset aria-describedby={answer.text ? counterId : undefined}>
      <legend>
        {props.index + 1}. {question.text}
      </legend>
      {question.rationale && <p className="hint">{question.rationale}</p>}
      <QuestionControl question={question} answer={answer} onChange={props.onChange} />
      {answer.text !== undefined && (
        <div className="row">
          {tooLong(answer) && (
            <span className="field-error" role="alert">
              Shorten this answer; nothing is cut for you.
            </span>
          )}
          <span className="spacer" />
          <CharCount id={counterId} length={answer.text.trim().length} max={ANSWER_TEXT_MAX_CHARS} />
        </div>
      )}
    </fieldset>
  );
}

/** Clarifying questions: one control per question (yes/no, single, multi with "other", free text). */
export function ClarifyForm({
  jobId,
  checkpointId,
  prompt,
}: {
  jobId: string;
  checkpointId: string;
  prompt: ClarifyPrompt;
}) {
  const answer = useAnswer(jobId, checkpointId);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const blocked = Object.values(answers).some(tooLong);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!blocked) answer.send(toResponse(answers));
  };
  return (
    <form className="stack" onSubmit={submit} aria-label="Clarifying questions">
      <p>
        {prompt.rationale}{" "}
        <span className="hint">
          (round {prompt.round} of at most {prompt.maxRounds})
        </span>
      </p>
      {prompt.questions.map((q, i) => (
        <QuestionField
          key={q.id}
          question={q}
          index={i}
          answer={answers[q.id] ?? { selected: [] }}
          onChange={(a) => setAnswers({ ...answers, [q.id]: a })}
        />
      ))}
      <AnswerStatus answer={answer} />
      <div className="actions">
        <button type="submit" className="primary" disabled={answer.pending || blocked}>
          Send answers
        </button>
      </div>
    </form>
  );
}
