"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { RouterOutputs } from "../../_lib/router-types";
import { statusLabel } from "../../_lib/status-labels";
import { useTRPC } from "../../_lib/trpc";
import { CheckpointPanel } from "./checkpoint-panel";
import { JobResult } from "./job-result";
import { PhaseStepper } from "./phase-stepper";
import { StepLog } from "./step-log";
import { useJobStream, type Connection } from "./use-job-stream";

const TERMINAL = new Set(["completed", "pending_review", "failed", "cancelled"]);
const CONNECTION_LABEL: Record<Connection, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  resumed: "Live (resumed)",
  ended: "Finished",
};

function CancelButton({ jobId }: { jobId: string }) {
  const trpc = useTRPC();
  const cancel = useMutation(trpc.jobs.cancel.mutationOptions());
  return (
    <button
      type="button"
      className="danger"
      disabled={cancel.isPending || cancel.isSuccess}
      onClick={() => cancel.mutate({ jobId })}
    >
      {cancel.isSuccess ? "Cancelling…" : "Cancel job"}
    </button>
  );
}

function JobHeader({
  jobId,
  task,
  status,
  connection,
}: {
  jobId: string;
  task: string;
  status: string;
  connection: Connection;
}) {
  return (
    <header className="stack">
      <div className="row">
        <h1 style={{ margin: 0 }}>Job</h1>
        <span className={`status status-${status}`} data-testid="job-status" data-status={status}>
          {statusLabel(status)}
        </span>
        <span className={`connection connection-${connection}`} role="status" data-testid="connection">
          {CONNECTION_LABEL[connection]}
        </span>
        <span className="spacer" />
        <Link href={`/jobs/${jobId}/timeline`}>Timeline</Link>
        {!TERMINAL.has(status) && <CancelButton jobId={jobId} />}
      </div>
      <p className="task-text" data-testid="job-task">
        {task}
      </p>
    </header>
  );
}

type Job = RouterOutputs["jobs"]["get"];

/** What the job needs from the user or shows them now: the checkpoint, live output, failure, or the result. */
function MainColumn({ job, tokens }: { job: Job; tokens: string }) {
  const showTokens = job.status === "running" && tokens.length > 0;
  return (
    <div className="stack">
      {job.pendingCheckpoint && <CheckpointPanel jobId={job.id} checkpoint={job.pendingCheckpoint} />}
      {showTokens && (
        <section className="card" aria-label="Live output">
          <h2>Writing…</h2>
          <pre tabIndex={0} className="token-stream" data-testid="token-stream">
            {tokens}
          </pre>
        </section>
      )}
      {job.status === "failed" && (
        <p className="alert alert-error" role="alert">
          The job failed: {job.error ?? "no reason was recorded"}
        </p>
      )}
      {job.status === "cancelled" && (
        <p className="alert alert-warn" role="status">
          The job was cancelled.
        </p>
      )}
      {(job.status === "completed" || job.status === "pending_review") && <JobResult job={job} />}
    </div>
  );
}

/** The live job page: header, phases and progress, the pending checkpoint, streamed tokens, result, step log. */
export function JobView({ jobId, initialJob }: { jobId: string; initialJob?: Job }) {
  const trpc = useTRPC();
  // The server already read the job to decide 404 or not: start from that instead of a loading state.
  const job = useQuery({ ...trpc.jobs.get.queryOptions({ jobId }), initialData: initialJob });
  const stream = useJobStream(jobId);
  if (job.isError)
    return (
      <p className="alert alert-error" role="alert">
        Could not load the job: {job.error.message}
      </p>
    );
  if (!job.data)
    return (
      <p className="muted" aria-busy="true">
        Loading the job…
      </p>
    );
  const data = job.data;
  return (
    <div className="stack">
      <JobHeader jobId={jobId} task={data.task} status={data.status} connection={stream.connection} />
      <PhaseStepper phase={data.phase} progress={data.progress} status={data.status} />
      {data.progressMessage && !TERMINAL.has(data.status) && (
        <p className="muted" aria-live="polite">
          {data.progressMessage}
        </p>
      )}
      <div className="grid-2">
        <MainColumn job={data} tokens={stream.tokens} />
        <section className="card" aria-labelledby="steps-title">
          <h2 id="steps-title">Steps</h2>
          <StepLog events={stream.events} />
        </section>
      </div>
    </div>
  );
}
