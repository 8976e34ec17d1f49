"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { EVAL_NOTE_MAX_CHARS } from "../../../contracts/limits";
import { fieldErrors, formError } from "../../_lib/api-errors";
import type { RouterOutputs } from "../../_lib/router-types";
import { useTRPC } from "../../_lib/trpc";
import { CharCount } from "../char-count";

export type Feedback = RouterOutputs["evals"]["get"]["feedback"][number];
type Rating = Feedback["rating"];
export interface OutputRef {
  jobId: string;
  caseId: string;
  side: Feedback["side"];
  run: number;
}

/**
 * Saves the feedback and puts the stored row into the cached evals.get, so the page shows it when it is opened
 * again from the cache (docs/evals.md, Feedback).
 */
function useSaveFeedback(output: OutputRef, onSaved: (saved: Feedback) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sameOutput = (f: Feedback) => f.caseId === output.caseId && f.side === output.side && f.run === output.run;
  return useMutation(
    trpc.evals.feedback.mutationOptions({
      onSuccess: (saved) => {
        onSaved(saved);
        queryClient.setQueryData(trpc.evals.get.queryKey({ jobId: output.jobId }), (data) =>
          data ? { ...data, feedback: [...data.feedback.filter((f) => !sameOutput(f)), saved] } : data,
        );
      },
    }),
  );
}

function RatingButtons({ rating, onChange }: { rating: Rating; onChange: (rating: Rating) => void }) {
  const toggle = (value: "good" | "bad") => onChange(rating === value ? null : value);
  return (
    <>
      <button type="button" aria-pressed={rating === "good"} onClick={() => toggle("good")}>
        Good
      </button>
      <button type="button" aria-pressed={rating === "bad"} onClick={() => toggle("bad")}>
        Bad
      </button>
    </>
  );
}

type SaveState = "saving" | "saved" | "unsaved" | null;
type Stored = Pick<Feedback, "rating" | "note">;
const NOTHING: Stored = { rating: null, note: "" };

function SaveStatus({ state, error }: { state: SaveState; error: string | null }) {
  if (error)
    return (
      <span className="field-error" role="alert">
        Not saved: {error}
      </span>
    );
  const words = { saving: "Saving…", saved: "Saved", unsaved: "Not saved yet" };
  return (
    <span className="hint" role="status" data-testid="feedback-status">
      {state ? words[state] : ""}
    </span>
  );
}

function saveState(pending: boolean, changed: boolean, stored: boolean): SaveState {
  if (pending) return "saving";
  if (changed) return "unsaved";
  return stored ? "saved" : null;
}

type SaveError = Parameters<typeof formError>[0];
/** The refusal as one sentence: the note's own problem (too long, a control character) or the whole answer's. */
const errorText = (error: SaveError): string | null => formError(error) ?? fieldErrors(error).note ?? null;

/** The form's rating and note against what is stored; any edit clears the last save's error. */
function useFeedbackForm(output: OutputRef, initial: Stored | undefined) {
  const [stored, setStored] = useState<Stored | null>(initial ?? null);
  const [rating, setRating] = useState<Rating>(initial ? initial.rating : null);
  const [note, setNote] = useState(initial ? initial.note : "");
  const save = useSaveFeedback(output, setStored);
  const saved = stored ?? NOTHING;
  const changed = rating !== saved.rating || note.trim() !== saved.note;
  return {
    rating,
    note,
    state: saveState(save.isPending, changed, stored !== null),
    canSave: changed && !save.isPending && note.trim().length <= EVAL_NOTE_MAX_CHARS,
    error: errorText(save.error),
    edit: (next: Partial<Stored>) => {
      if (next.rating !== undefined) setRating(next.rating);
      if (next.note !== undefined) setNote(next.note);
      save.reset();
    },
    submit: () => save.mutate({ ...output, rating, note: note.trim() }),
  };
}

/**
 * The person's rating (Good / Bad, pressed again to clear) and note on one output, saved together. It never
 * changes the eval's figures; a later save replaces the earlier one.
 */
export function RunFeedback({ output, label, initial }: { output: OutputRef; label: string; initial?: Feedback }) {
  const id = useId();
  const form = useFeedbackForm(output, initial);
  return (
    <form
      className="stack run-feedback"
      aria-label={`Your feedback on run ${output.run} (${label})`}
      data-testid="run-feedback"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit();
      }}
    >
      <div className="actions">
        <RatingButtons rating={form.rating} onChange={(rating) => form.edit({ rating })} />
      </div>
      <div className="field">
        <label htmlFor={id}>
          Note <span className="hint">optional: what is good or wrong in this answer</span>
        </label>
        <textarea
          id={id}
          rows={2}
          value={form.note}
          aria-describedby={`${id}-count`}
          onChange={(e) => form.edit({ note: e.target.value })}
        />
      </div>
      <div className="actions">
        <button type="submit" disabled={!form.canSave}>
          Save
        </button>
        <SaveStatus state={form.state} error={form.error} />
        <span className="spacer" />
        <CharCount id={`${id}-count`} length={form.note.trim().length} max={EVAL_NOTE_MAX_CHARS} />
      </div>
    </form>
  );
}
