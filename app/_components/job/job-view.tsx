"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { formError } from "../../_lib/api-errors";
import type { RouterOutputs } from "../../_lib/router-types";
import { statusLabel } from "../../_lib/status-labels";
import { useTRPC } from "../../_lib/trpc";
import { useHydrated } from "../../_lib/use-hydrated";
import { AnsweredHereProvider } from "./answered-here";
import { useCheckpointAttention, type Attention } from "./attention";
import { CancelJob } from "./cancel-job";
import { CheckpointPanel } from "./checkpoint-panel";
import { CancelledState, FailedState } from "./end-state";
import { JobResult } from "./job-result";
import { NotifyToggle } from "./notifications";
import { PhaseStepper } from "./phase-stepper";
import { StepLog } from "./step-log";
import { useJobStream, type Connection } from "./use-job-stream";

// Only eval jobs show a result of this kind: other job pages do not load its code (the job page's JavaScript budget).
const EvalResultView = dynamic(() => import("../evals/eval-result").then((m) => m.EvalResultView));

type Job = RouterOutputs["jobs"]["get"];

const TERMINAL = new Set(["completed", "pending_review", "failed", "cancelled"]);
const CONNECTION_LABEL: Record<Connection, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  resumed: "Live (resumed)",
  ended: "Finished",
};

/** Title, status and connection; the task; the job's own actions, with Cancel away from any checkpoint's Proceed. */
function JobHeader({ job, connection }: { job: Job; connection: Connection }) {
  const running = !TERMINAL.has(job.status);
  return (
    <header className="stack">
      <div className="row">
        <h1 style={{ margin: 0 }}>Job</h1>
        <span className={`status status-${job.status}`} data-testid="job-status" data-status={job.status}>
          {statusLabel(job.status)}
        </span>
        <span className={`connection connection-${connection}`} data-testid="connection">
          {CONNECTION_LABEL[connection]}
        </span>
        <span className="spacer" />
        <Link href={`/jobs/${job.id}/timeline`}>Timeline</Link>
      </div>
      <p className="task-text" data-testid="job-task">
        {job.task}
      </p>
      {running && (
        <div className="row job-actions">
          <NotifyToggle />
          <span className="spacer" />
          <CancelJob jobId={job.id} />
        </div>
      )}
    </header>
  );
}

/** What the job needs from the user or shows them now: the checkpoint, live output, how it ended, or the result. */
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
      {job.status === "failed" && <FailedState job={job} />}
      {job.status === "cancelled" && <CancelledState job={job} />}
      {job.workflow === "eval" && job.status === "completed" && <EvalResultView jobId={job.id} />}
      {job.workflow !== "eval" && (job.status === "completed" || job.status === "pending_review") && (
        <JobResult job={job} />
      )}
    </div>
  );
}

/** Said to screen readers (polite), and shown once when a question was answered somewhere else. */
function Notices({ attention }: { attention: Attention }) {
  const hydrated = useHydrated();
  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {hydrated ? attention.announcement : ""}
      </p>
      {attention.answeredElsewhere && (
        <div className="alert alert-warn row" role="status" data-testid="answered-elsewhere">
          <span>{attention.answeredElsewhere}</span>
          <span className="spacer" />
          <button type="button" onClick={attention.dismiss}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}

function JobLayout({ job, stream }: { job: Job; stream: ReturnType<typeof useJobStream> }) {
  const attention = useCheckpointAttention(job);
  return (
    <div className="stack">
      <Notices attention={attention} />
      <JobHeader job={job} connection={stream.connection} />
      <PhaseStepper phase={job.phase} progress={job.progress} status={job.status} />
      {job.progressMessage && !TERMINAL.has(job.status) && (
        <p className="muted" aria-live="polite">
          {job.progressMessage}
        </p>
      )}
      <div className="grid-2">
        <MainColumn job={job} tokens={stream.tokens} />
        <section className="card" aria-labelledby="steps-title">
          <h2 id="steps-title">Steps</h2>
          <StepLog events={stream.events} />
        </section>
      </div>
    </div>
  );
}

/**
 * The live job page: header, phases and progress, the pending checkpoint, streamed tokens, end state or result,
 * step log. Once the job has been read it stays on screen through an outage (the banner says the server is away).
 */
function LiveJob({ jobId, initialJob }: { jobId: string; initialJob?: Job }) {
  const trpc = useTRPC();
  // The server already read the job to decide 404 or not: start from that instead of a loading state.
  const job = useQuery({ ...trpc.jobs.get.queryOptions({ jobId }), initialData: initialJob });
  const stream = useJobStream(jobId);
  if (job.data) return <JobLayout job={job.data} stream={stream} />;
  if (job.isError)
    return (
      <p className="alert alert-error" role="alert">
        Could not load the job: {formError(job.error)}
      </p>
    );
  return (
    <p className="muted" aria-busy="true">
      Loading the job…
    </p>
  );
}

export function JobView(props: { jobId: string; initialJob?: Job }) {
  return (
    <AnsweredHereProvider>
      <LiveJob {...props} />
    </AnsweredHereProvider>
  );
}
