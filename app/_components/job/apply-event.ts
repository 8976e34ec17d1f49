import { CHECKPOINT_WAITS, isTerminal, TERMINAL_EVENTS } from "@/contracts/job-status";
import type { RouterOutputs } from "../../_lib/router-types";

/**
 * What a job's live event changes in the job the page shows (`jobs.get`), so the page follows the stream without
 * fetching the job again after every event (docs/performance.md, Live events). Two kinds of event ask for the
 * job again, once (`needsJobRead`): a terminal one (its result is not in the event) and a new checkpoint (its
 * typed prompt and the text it revises are read by the server). Events arrive in seq order (a replay after a
 * reconnect repeats them in order), so applying them one after the other always ends in the job's state at the last
 * one.
 */
export type JobView = RouterOutputs["jobs"]["get"];
export type StoredEvent = RouterOutputs["jobs"]["timeline"]["events"][number];

export const isTerminalEvent = (event: Pick<StoredEvent, "type">): boolean => TERMINAL_EVENTS.has(event.type);
export const isFinished = (job: JobView): boolean => isTerminal(job.status);
export const needsJobRead = (event: Pick<StoredEvent, "type">): boolean =>
  isTerminalEvent(event) || event.type === "hitl_required";

/** A field of an event's data, checked by the caller: the page ships no validator for a handful of fields. */
const field = (event: StoredEvent, key: string): unknown => event.data[key];
const waitsAt = (type: unknown) =>
  typeof type === "string" && Object.hasOwn(CHECKPOINT_WAITS, type)
    ? CHECKPOINT_WAITS[type as keyof typeof CHECKPOINT_WAITS]
    : null;

function waiting(job: JobView, event: StoredEvent): JobView {
  const status = waitsAt(field(event, "type"));
  if (!status) return job;
  // The form appears when the job is read again (needsJobRead); until then the job shows it is waiting.
  const same = job.pendingCheckpoint !== null && job.pendingCheckpoint.id === field(event, "checkpointId");
  return { ...job, status, pendingCheckpoint: same ? job.pendingCheckpoint : null };
}

function answered(job: JobView, event: StoredEvent): JobView {
  const answered = field(event, "checkpointId");
  if (typeof answered === "string" && job.pendingCheckpoint && job.pendingCheckpoint.id !== answered) return job;
  return { ...job, status: "running", pendingCheckpoint: null };
}

function progressed(job: JobView, event: StoredEvent): JobView {
  const percent = field(event, "percent");
  if (typeof percent !== "number" || percent <= job.progress) return job;
  return { ...job, progress: percent, progressMessage: event.message || job.progressMessage };
}

function finished(job: JobView, event: StoredEvent): JobView {
  const closed = { ...job, pendingCheckpoint: null, completedAt: event.createdAt };
  if (event.type === "failed") return { ...closed, status: "failed", error: event.message };
  if (event.type === "cancelled") return { ...closed, status: "cancelled" };
  const status = field(event, "status") === "pending_review" ? "pending_review" : "completed";
  return { ...closed, status, progress: 100 };
}

/** A queued job starts running with its first phase or step. */
const started = (job: JobView): JobView => (job.status === "pending" ? { ...job, status: "running" } : job);

export function applyEvent(job: JobView, event: StoredEvent): JobView {
  switch (event.type) {
    case "phase_start":
      return { ...started(job), phase: event.phase };
    case "step_start":
      return started(job);
    case "progress":
      return progressed(job, event);
    case "hitl_required":
      return waiting(job, event);
    case "hitl_answered":
      return answered(job, event);
    case "completed":
    case "failed":
    case "cancelled":
      return finished(job, event);
    default:
      return job;
  }
}
