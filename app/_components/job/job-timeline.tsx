"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { RouterOutputs } from "../../_lib/router-types";
import { useTRPC } from "../../_lib/trpc";

type Timeline = RouterOutputs["jobs"]["timeline"];

function tokens(usage: Timeline["steps"][number]["usage"]): string {
  return usage.totalTokens
    ? `${usage.totalTokens.toLocaleString()} (${usage.inputTokens ?? 0} in / ${usage.outputTokens ?? 0} out)`
    : "—";
}

function StepsTable({ steps }: { steps: Timeline["steps"] }) {
  if (steps.length === 0) return <p className="muted">No steps ran.</p>;
  return (
    <table className="data" aria-label="Steps">
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Status</th>
          <th scope="col">Duration</th>
          <th scope="col">Tokens</th>
          <th scope="col">Attempts</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s) => (
          <tr key={s.key}>
            <td>
              <code>{s.key}</code>
              {s.error && <div className="field-error">{s.error}</div>}
            </td>
            <td>
              <span className={`status status-${s.status === "running" ? "running" : s.status}`}>{s.status}</span>
            </td>
            <td>{s.durationMs === null ? "—" : `${s.durationMs} ms`}</td>
            <td>{tokens(s.usage)}</td>
            <td>{s.attempts}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Checkpoints({ checkpoints }: { checkpoints: Timeline["checkpoints"] }) {
  if (checkpoints.length === 0) return <p className="muted">The job never stopped for a decision.</p>;
  return (
    <ol className="stack" aria-label="Checkpoints">
      {checkpoints.map((c) => (
        <li key={c.id} className="card">
          <div className="row">
            <strong>{c.type.replace("_", " ")}</strong>
            <span className="status">{c.status}</span>
            <span className="muted">{c.createdAt.toLocaleString()}</span>
          </div>
          <details>
            <summary>Question</summary>
            <pre style={{ whiteSpace: "pre-wrap" }}>{JSON.stringify(c.prompt, null, 2)}</pre>
          </details>
          <p>Answer{c.answeredAt ? ` (${c.answeredAt.toLocaleString()})` : ""}:</p>
          <pre style={{ whiteSpace: "pre-wrap" }}>{c.response ? JSON.stringify(c.response, null, 2) : "—"}</pre>
        </li>
      ))}
    </ol>
  );
}

function Events({ events }: { events: Timeline["events"] }) {
  return (
    <table className="data" aria-label="Events">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Type</th>
          <th scope="col">Phase</th>
          <th scope="col">Message</th>
          <th scope="col">Time</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.seq}>
            <td>{e.seq}</td>
            <td>{e.type}</td>
            <td>{e.phase ?? "—"}</td>
            <td>{e.message}</td>
            <td>{e.createdAt.toLocaleTimeString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Everything a past job did: every step with duration and tokens, every checkpoint with its answer, every event. */
export function JobTimeline({ jobId }: { jobId: string }) {
  const trpc = useTRPC();
  const timeline = useQuery(trpc.jobs.timeline.queryOptions({ jobId }));
  if (timeline.isError)
    return (
      <p className="alert alert-error" role="alert">
        {timeline.error.message}
      </p>
    );
  if (!timeline.data)
    return (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    );
  return (
    <div className="stack">
      <p>
        <Link href={`/jobs/${jobId}`}>← Back to the job</Link>
      </p>
      <h2>Steps</h2>
      <StepsTable steps={timeline.data.steps} />
      <h2>Checkpoints</h2>
      <Checkpoints checkpoints={timeline.data.checkpoints} />
      <h2>Events</h2>
      <Events events={timeline.data.events} />
    </div>
  );
}
