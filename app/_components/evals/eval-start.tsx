"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formError } from "../../_lib/api-errors";
import { useTRPC } from "../../_lib/trpc";

/**
 * Runs the draft's evals (docs/evals.md): a new eval job, opened live. The server refuses it, in words, without a
 * model or with a malformed evals file; the message is shown here.
 */
export function EvalStart({ jobId }: { jobId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [requestId] = useState(() => crypto.randomUUID());
  const start = useMutation(
    trpc.evals.start.mutationOptions({ onSuccess: ({ jobId: next }) => router.push(`/jobs/${next}`) }),
  );
  const error = formError(start.error);
  const busy = start.isPending || start.isSuccess;
  return (
    <section className="card stack" aria-labelledby="evals-title" data-testid="eval-start">
      <h3 id="evals-title" style={{ margin: 0 }}>
        Evals
      </h3>
      <p className="muted">
        Run the draft&apos;s test cases with and without the skill (3 runs each, graded by a judge) and its trigger
        queries against the library.
      </p>
      <div className="actions">
        <button
          type="button"
          disabled={busy}
          onClick={() => start.mutate({ source: { kind: "job", jobId }, requestId })}
        >
          {busy ? "Starting…" : "Run evals"}
        </button>
      </div>
      {error && (
        <p className="alert alert-error" role="alert">
          Could not start the evals: {error}
        </p>
      )}
    </section>
  );
}
