"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formError } from "../../_lib/api-errors";
import { useTRPC } from "../../_lib/trpc";

/**
 * What to do after a job that did not finish: run it again as it was (a new job, same task and options), or edit
 * the task and options first (the create form, filled from this job).
 */
export function RunAgainActions({ jobId }: { jobId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  // One request id per page: a double click starts one new job.
  const [requestId] = useState(() => crypto.randomUUID());
  const runAgain = useMutation(
    trpc.skills.runAgain.mutationOptions({ onSuccess: ({ jobId: next }) => router.push(`/jobs/${next}`) }),
  );
  const error = formError(runAgain.error);
  return (
    <div className="stack">
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={runAgain.isPending || runAgain.isSuccess}
          onClick={() => runAgain.mutate({ jobId, requestId })}
        >
          {runAgain.isPending || runAgain.isSuccess ? "Starting…" : "Run again"}
        </button>
        <Link className="button" href={`/?from=${jobId}`}>
          Edit and run again
        </Link>
        <Link href={`/jobs/${jobId}/timeline`}>See every step in the timeline</Link>
      </div>
      {error && (
        <p className="alert alert-error" role="alert">
          Could not start it again: {error}
        </p>
      )}
    </div>
  );
}
