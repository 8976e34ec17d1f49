import { z } from "zod";
import { CHECKPOINT_SCHEMAS, CHECKPOINT_TYPES } from "@/contracts/checkpoints";
import { isTerminal, TERMINAL_EVENTS } from "@/contracts/job-status";
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

const requiredData = z.object({ checkpointId: z.string(), type: z.enum(CHECKPOINT_TYPES) });
const percentData = z.object({ percent: z.number() });
const completedData = z.object({ status: z.enum(["completed", "pending_review"]) });
const answeredData = z.object({ checkpointId: z.string() });

function waiting(job: JobView, event: StoredEvent): JobView {
  const data = requiredData.safeParse(event.data);
  if (!data.success) return job;
  const { checkpointId, type } = data.data;
  // The form appears when the job is read again (needsJobRead); until then the job shows it is waiting.
  const same = job.pendingCheckpoint?.id === checkpointId;
  return { ...job, status: CHECKPOINT_SCHEMAS[type].waits, pendingCheckpoint: same ? job.pendingCheckpoint : null };
}

function answered(job: JobView, event: StoredEvent): JobView {
  const data = answeredData.safeParse(event.data);
  if (data.success && job.pendingCheckpoint && job.pendingCheckpoint.id !== data.data.checkpointId) return job;
  return { ...job, status: "running", pendingCheckpoint: null };
}

function progressed(job: JobView, event: StoredEvent): JobView {
  const data = percentData.safeParse(event.data);
  if (!data.success || data.data.percent <= job.progress) return job;
  return { ...job, progress: data.data.percent, progressMessage: event.message || job.progressMessage };
}

function finished(job: JobView, event: StoredEvent): JobView {
  const closed = { ...job, pendingCheckpoint: null, completedAt: event.createdAt };
  if (event.type === "failed") return { ...closed, status: "failed", error: event.message };
  if (event.type === "cancelled") return { ...closed, status: "cancelled" };
  const data = completedData.safeParse(event.data);
  return { ...closed, status: data.success ? data.data.status : "completed", progress: 100 };
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
