"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { formError } from "../../_lib/api-errors";
import { useTRPC } from "../../_lib/trpc";

/**
 * Starting an eval (docs/evals.md): of a finished job's draft, or of a library skill at a chosen version, against no
 * skill or an older version, with or without description tuning. The server refuses it, in words, without a model
 * or with a malformed evals file; the message is shown here. A started eval opens live.
 */
export type Source = { kind: "job"; jobId: string } | { kind: "library"; path: string; version: number };

const DEFAULT_RUNS = 3;
const MAX_RUNS = 10;

interface FormProps {
  title: string;
  blurb: string;
  source: Source;
  compareWith?: number;
  /** Extra fields (the library's version pickers). */
  children?: ReactNode;
}

export function EvalStartForm({ title, blurb, source, compareWith, children }: FormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [requestId] = useState(() => crypto.randomUUID());
  const [runs, setRuns] = useState(DEFAULT_RUNS);
  const [tune, setTune] = useState(true);
  const start = useMutation(
    trpc.evals.start.mutationOptions({ onSuccess: ({ jobId: next }) => router.push(`/jobs/${next}`) }),
  );
  const error = formError(start.error);
  const busy = start.isPending || start.isSuccess;
  return (
    <form
      className="card stack"
      aria-label={title}
      data-testid="eval-start"
      onSubmit={(e) => {
        e.preventDefault();
        start.mutate({ source, runs, tune, compareWith, requestId });
      }}
    >
      <h3 style={{ margin: 0 }}>{title}</h3>
      <p className="muted">{blurb}</p>
      {children}
      <label htmlFor={`${id}-runs`}>
        Runs per case <span className="hint">1–{MAX_RUNS}; more runs, steadier figures, more model calls</span>
      </label>
      <input
        id={`${id}-runs`}
        type="number"
        min={1}
        max={MAX_RUNS}
        value={runs}
        onChange={(e) => setRuns(Math.min(MAX_RUNS, Math.max(1, Math.round(Number(e.target.value) || 1))))}
      />
      <label className="check">
        <input type="checkbox" checked={tune} onChange={(e) => setTune(e.target.checked)} />
        <span>Propose a better description from the trigger queries it gets wrong</span>
      </label>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? "Starting…" : "Run evals"}
        </button>
      </div>
      {error && (
        <p className="alert alert-error" role="alert">
          Could not start the evals: {error}
        </p>
      )}
    </form>
  );
}

/** On a finished job: evaluate its draft. */
export function EvalStart({ jobId }: { jobId: string }) {
  return (
    <EvalStartForm
      title="Evals"
      blurb="Run the draft's test cases with and without the skill (graded by a judge) and its trigger queries against the library."
      source={{ kind: "job", jobId }}
    />
  );
}
