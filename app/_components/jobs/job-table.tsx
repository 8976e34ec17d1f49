"use client";

import Link from "next/link";
import type { RouterOutputs } from "../../_lib/router-types";
import { statusLabel } from "../../_lib/status-labels";

type JobSummary = RouterOutputs["jobs"]["list"]["items"][number];

export function formatDuration(from: Date, to: Date | null): string {
  if (!to) return "—";
  const seconds = Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${seconds % 60} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function truncate(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Job history rows: task (link), status badge, phase, score, created, duration. */
export function JobTable({ items }: { items: JobSummary[] }) {
  return (
    <table className="data" aria-label="Jobs">
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
            <td>
              <Link href={`/jobs/${job.id}`} title={job.task}>
                {truncate(job.task)}
              </Link>
            </td>
            <td>
              <span className={`status status-${job.status}`}>{statusLabel(job.status)}</span>
            </td>
            <td>{job.phase ?? "—"}</td>
            <td>{typeof job.score === "number" ? job.score.toFixed(2) : "—"}</td>
            <td>
              <time dateTime={job.createdAt.toISOString()}>{job.createdAt.toLocaleString()}</time>
            </td>
            <td>{formatDuration(job.startedAt ?? job.createdAt, job.completedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
