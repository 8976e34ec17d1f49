"use client";

import type { RouterOutputs } from "../../_lib/router-types";
import { explainFailure } from "./failure";
import { RunAgainActions } from "./run-again";
import { stepPhrase } from "./step-labels";

type Job = RouterOutputs["jobs"]["get"];

/** A failed job: what happened in plain words, the step it stopped at, what to do next, and the raw details. */
export function FailedState({ job }: { job: Job }) {
  const failedKey = job.failedStep?.key ?? null;
  const explanation = explainFailure(job.error);
  return (
    <section className="card end-state end-failed" aria-labelledby="end-title" data-testid="end-state">
      <h2 id="end-title">
        {failedKey ? (
          <>
            The job failed while <span data-testid="failed-step">{stepPhrase(failedKey)}</span>.
          </>
        ) : (
          "The job failed."
        )}
      </h2>
      <p>{explanation.reason}</p>
      <p>{explanation.advice}</p>
      <RunAgainActions jobId={job.id} />
      <details>
        <summary>Details</summary>
        <pre className="wrap" data-testid="failure-details">
          {job.error ?? "No error was recorded."}
          {failedKey ? `\nstep: ${failedKey}` : ""}
        </pre>
      </details>
    </section>
  );
}

/** A cancelled job: it stopped for good; it can be run again as a new job. */
export function CancelledState({ job }: { job: Job }) {
  return (
    <section className="card end-state end-cancelled" aria-labelledby="end-title" data-testid="end-state">
      <h2 id="end-title">The job was cancelled{job.phase ? ` during ${job.phase}` : ""}.</h2>
      <p>Nothing from it went into the library. Run it again as it was, or change the task or options first.</p>
      <RunAgainActions jobId={job.id} />
    </section>
  );
}
