"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formError } from "../../_lib/api-errors";
import type { RouterOutputs } from "../../_lib/router-types";
import { useTRPC } from "../../_lib/trpc";
import { RelativeTime } from "../relative-time";
import { answerWords, questionWords, type PastCheckpoint } from "./answer-words";
import { CHECKPOINT_TITLES } from "./checkpoint-panel";
import { Waterfall } from "./waterfall";

type Timeline = RouterOutputs["jobs"]["timeline"];

function CheckpointCard({ checkpoint }: { checkpoint: PastCheckpoint }) {
  return (
    <li className="card stack" data-testid="timeline-checkpoint">
      <div className="row">
        <strong>{CHECKPOINT_TITLES[checkpoint.type]}</strong>
        <span className="status">{checkpoint.status}</span>
        <span className="muted">
          asked <RelativeTime date={checkpoint.createdAt} />
        </span>
      </div>
      <div>
        <h4>Asked</h4>
        <ul>
          {questionWords(checkpoint).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <div>
        <h4>
          Answer
          {checkpoint.answeredAt && (
            <span className="hint">
              {" "}
              <RelativeTime date={checkpoint.answeredAt} />
            </span>
          )}
        </h4>
        <ul data-testid="checkpoint-answer">
          {answerWords(checkpoint).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
    </li>
  );
}

function Checkpoints({ checkpoints }: { checkpoints: PastCheckpoint[] }) {
  if (checkpoints.length === 0) return <p className="muted">The job never stopped for a decision.</p>;
  return (
    <ol className="stack plain-list" aria-label="Checkpoints">
      {checkpoints.map((c) => (
        <CheckpointCard key={c.id} checkpoint={c} />
      ))}
    </ol>
  );
}

function Events({ events }: { events: Timeline["events"] }) {
  return (
    <details>
      <summary>All {events.length} events</summary>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Events, scrollable">
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
                <td>{e.type.replaceAll("_", " ")}</td>
                <td>{e.phase ?? "—"}</td>
                <td className="wrap-anywhere">{e.message}</td>
                <td>{e.createdAt.toLocaleTimeString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** Everything a job did: its steps as a waterfall with totals, every checkpoint in words, every event. */
export function JobTimeline({ jobId }: { jobId: string }) {
  const trpc = useTRPC();
  const timeline = useQuery(trpc.jobs.timeline.queryOptions({ jobId }));
  // The moment the data arrived: the end of the axis for steps still running.
  const [now] = useState(() => Date.now());
  if (!timeline.data)
    return timeline.isError ? (
      <p className="alert alert-error" role="alert">
        Could not load the timeline: {formError(timeline.error)}
      </p>
    ) : (
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
      <Waterfall steps={timeline.data.steps} totals={timeline.data.totals} now={now} />
      <h2>Checkpoints</h2>
      <Checkpoints checkpoints={timeline.data.checkpoints} />
      <h2>Events</h2>
      <Events events={timeline.data.events} />
    </div>
  );
}
