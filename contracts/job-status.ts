/** A job's lifecycle as every client sees it (docs/architecture.md, "The life of a job"). */
export const JOB_STATUSES = [
  "pending",
  "running",
  "pending_user_input",
  "pending_hitl",
  "pending_review",
  "completed",
  "failed",
  "cancelled",
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A job in one of these states will not run again (pending_review = finished, its result needs a review). */
export const TERMINAL_STATUSES: ReadonlySet<JobStatus> = new Set([
  "completed",
  "pending_review",
  "failed",
  "cancelled",
]);
export const WAITING_STATUSES: ReadonlySet<JobStatus> = new Set(["pending_user_input", "pending_hitl"]);

export const isTerminal = (status: JobStatus): boolean => TERMINAL_STATUSES.has(status);

/**
 * The status a job waits in at each checkpoint type: the user's input (questions, a name fix) or their review. Plain
 * constants, no zod, so the job page can follow live events without shipping a validator.
 */
export const CHECKPOINT_WAITS = {
  clarify: "pending_user_input",
  structure_fix: "pending_user_input",
  confirm: "pending_hitl",
  preview: "pending_hitl",
  validate: "pending_hitl",
} as const satisfies Record<string, JobStatus>;

/** Stored event types; `token` events are live only and never stored. */
export const EVENT_TYPES = [
  "phase_start",
  "phase_end",
  "step_start",
  "step_end",
  "reasoning",
  "progress",
  "hitl_required",
  "hitl_answered",
  "completed",
  "failed",
  "cancelled",
] as const;
export type StoredEventType = (typeof EVENT_TYPES)[number];
export const TERMINAL_EVENTS: ReadonlySet<string> = new Set(["completed", "failed", "cancelled"]);
