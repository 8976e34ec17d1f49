"use client";

import Link from "next/link";
import { formatMs } from "../../_lib/format";
import type { RouterOutputs } from "../../_lib/router-types";
import { statusLabel } from "../../_lib/status-labels";
import { RelativeTime } from "../relative-time";

type JobSummary = RouterOutputs["jobs"]["list"]["items"][number];

export function formatDuration(from: Date, to: Date | null): string {
  return to ? formatMs(Math.max(0, to.getTime() - from.getTime())) : "—";
}

function truncate(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Job history rows: task (link), status badge, phase, score, created (relative), duration. */
export function JobTable({ items }: { items: JobSummary[] }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Jobs, scrollable">
      <table className="data cards-on-mobile" aria-label="Jobs">
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Status</th>
            <th scope="col">Phase</th>
            <th scope="col">Score</th>
            <th scope="col">Created</th>
            <th scope="col">Duration</th>
          </tr>
        </thead>
        <tbody>
          {items.map((job) => (
            <tr key={job.id} data-testid="job-row">
              <td className="task-cell">
                <Link href={`/jobs/${job.id}`} title={job.task}>
                  {truncate(job.task)}
                </Link>
                {job.workflow !== "skill" && (
                  <span className="badge" data-testid="job-kind" style={{ marginLeft: 4 }}>
                    {job.workflow}
                  </span>
                )}
              </td>
              <td data-label="Status">
                <span className={`status status-${job.status}`}>{statusLabel(job.status)}</span>
              </td>
              <td data-label="Phase">{job.phase ?? "—"}</td>
              <td data-label="Score">{typeof job.score === "number" ? job.score.toFixed(2) : "—"}</td>
              <td data-label="Created">
                <RelativeTime date={job.createdAt} />
              </td>
              <td data-label="Duration">{formatDuration(job.startedAt ?? job.createdAt, job.completedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
