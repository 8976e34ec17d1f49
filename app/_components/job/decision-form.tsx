"use client";

import { useId, useState, type ReactNode } from "react";
import { useAnswer } from "./use-answer";

/**
 * The confirm / preview / review checkpoints share one shape: read what is shown, then proceed, ask for changes
 * with feedback (revise the plan, refine the content), or cancel.
 */
export function DecisionForm(props: {
  jobId: string;
  checkpointId: string;
  changeAction: "revise" | "refine";
  changeLabel: string;
  label: string;
  children: ReactNode;
}) {
  const { send, pending, error } = useAnswer(props.jobId, props.checkpointId);
  const id = useId();
  const [feedback, setFeedback] = useState("");
  const [missingFeedback, setMissingFeedback] = useState(false);
  const requestChange = () => {
    if (!feedback.trim()) return setMissingFeedback(true);
    send({ action: props.changeAction, feedback: feedback.trim() });
  };
  return (
    <form
      className="stack"
      aria-label={props.label}
      onSubmit={(e) => {
        e.preventDefault();
        send({ action: "proceed" });
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
          aria-invalid={missingFeedback || undefined}
          onChange={(e) => {
            setFeedback(e.target.value);
            setMissingFeedback(false);
          }}
        />
        {missingFeedback && (
          <span className="field-error" role="alert">
            Write what should change first.
          </span>
        )}
      </div>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={pending}>
          Proceed
        </button>
        <button type="button" disabled={pending} onClick={requestChange}>
          {props.changeLabel}
        </button>
        <button type="button" className="danger" disabled={pending} onClick={() => send({ action: "cancel" })}>
          Cancel job
        </button>
      </div>
    </form>
  );
}
