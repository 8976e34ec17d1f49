"use client";

import { useId, useState, type ReactNode } from "react";
import { FEEDBACK_MAX_CHARS } from "@/contracts/limits";
import { CharCount } from "../char-count";
import { AnswerStatus } from "./answer-status";
import { useAnswer } from "./use-answer";

function feedbackProblem(feedback: string, asked: boolean): string | null {
  if (feedback.trim().length > FEEDBACK_MAX_CHARS)
    return `Shorten the feedback to ${FEEDBACK_MAX_CHARS.toLocaleString("en")} characters; nothing is cut for you.`;
  return asked && !feedback.trim() ? "Write what should change first." : null;
}

/**
 * The confirm / preview / review checkpoints share one shape: read what is shown, then proceed or ask for changes
 * with feedback (revise the plan, refine the content). Cancelling the job is the page's own button, away from these.
 */
export function DecisionForm(props: {
  jobId: string;
  checkpointId: string;
  changeAction: "revise" | "refine";
  changeLabel: string;
  label: string;
  children: ReactNode;
}) {
  const answer = useAnswer(props.jobId, props.checkpointId);
  const id = useId();
  const [feedback, setFeedback] = useState("");
  const [asked, setAsked] = useState(false);
  const problem = feedbackProblem(feedback, asked);
  const requestChange = () => {
    setAsked(true);
    if (!feedbackProblem(feedback, true)) answer.send({ action: props.changeAction, feedback: feedback.trim() });
  };
  return (
    <form
      className="stack"
      aria-label={props.label}
      onSubmit={(e) => {
        e.preventDefault();
        answer.send({ action: "proceed" });
      }}
    >
      {props.children}
      <div className="field">
        <label htmlFor={id}>
          Feedback <span className="hint">what should change (needed to {props.changeAction})</span>
        </label>
        <textarea
          id={id}
          rows={3}
          value={feedback}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-count ${id}-error`}
          onChange={(e) => {
            setFeedback(e.target.value);
            setAsked(false);
          }}
        />
        <div className="row">
          <span id={`${id}-error`} className="field-error" role={problem ? "alert" : undefined}>
            {problem}
          </span>
          <span className="spacer" />
          <CharCount id={`${id}-count`} length={feedback.trim().length} max={FEEDBACK_MAX_CHARS} />
        </div>
      </div>
      <AnswerStatus answer={answer} />
      <div className="actions">
        <button type="submit" className="primary" disabled={answer.pending}>
          Proceed
        </button>
        <button type="button" disabled={answer.pending} onClick={requestChange}>
          {props.changeLabel}
        </button>
      </div>
    </form>
  );
}
