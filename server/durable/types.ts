/**
 * The job engine's domain types (docs/architecture.md). Repositories map database rows to these; nothing outside
 * server/jobs/repositories sees a Prisma type.
 */
import type { Json, JsonObject } from "../../contracts/json";
import type { JobStatus, StoredEventType } from "../../contracts/job-status";

export {
  EVENT_TYPES,
  isTerminal,
  JOB_STATUSES,
  TERMINAL_EVENTS,
  TERMINAL_STATUSES,
  WAITING_STATUSES,
} from "../../contracts/job-status";
export type { JobStatus, StoredEventType };

export type { Json, JsonObject };

/** A checkpoint's type is its workflow's business (the skill workflow's are in contracts/checkpoints.ts). */
export type CheckpointType = string;
export type CheckpointStatus = "pending" | "answered" | "cancelled" | "expired" | "superseded";

/**
 * A job's options belong to its workflow, which parses them; the engine reads one of them itself: `streamTokens`
 * (true = model output is streamed live).
 */
export type JobOptions = JsonObject;

/** The statuses a job waits in at a checkpoint: for the user's input, or for their review. */
export type WaitingStatus = "pending_user_input" | "pending_hitl";

export interface JobRecord {
  id: string;
  ownerId: string;
  requestId: string | null;
  task: string;
  options: JobOptions;
  engine: string;
  workflow: string;
  status: JobStatus;
  phase: string | null;
  progress: number;
  progressMessage: string | null;
  context: JsonObject;
  result: JsonObject | null;
  error: string | null;
  cancelRequested: boolean;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  lastSeq: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
}

/** Fields the engine and services may change; id, owner, lease, seq and version are managed elsewhere. */
export type JobPatch = Partial<
  Pick<
    JobRecord,
    | "status"
    | "phase"
    | "progress"
    | "progressMessage"
    | "context"
    | "result"
    | "error"
    | "cancelRequested"
    | "startedAt"
    | "completedAt"
  >
>;

/** What creating a job takes: the fields a caller chooses; everything else starts at its default. */
export type NewJob = Pick<JobRecord, "ownerId" | "requestId" | "task" | "options" | "engine" | "workflow"> & {
  context?: JsonObject;
};

export interface NewEvent {
  type: StoredEventType;
  phase?: string | null;
  message?: string;
  data?: JsonObject;
}

export interface JobEventRecord {
  jobId: string;
  seq: number;
  type: StoredEventType;
  phase: string | null;
  message: string;
  data: JsonObject;
  createdAt: Date;
}

/** Streamed model output: never stored, coalesced, delivered live only (docs/architecture.md, Events). */
export interface TokenEvent {
  jobId: string;
  type: "token";
  phase: string | null;
  text: string;
  /** The text streamed before this for the step is void (the model was asked again); this text starts it anew. */
  reset?: boolean;
  createdAt: Date;
}

export type LiveEvent = JobEventRecord | TokenEvent;

export interface TokenUsage {
  inputTokens?: number;
  outputTokens?: number;
  totalTokens?: number;
}

/**
 * What a model step ran on (`offline` or `provider:model`), the input it was given, and its provenance: who wrote
 * the output and the requests it took (a workflow's business; the engine stores it as given).
 */
export interface StepCall {
  model?: string;
  input?: Json;
  provenance?: Json;
}

export interface StepRecord {
  jobId: string;
  key: string;
  status: "running" | "completed" | "failed";
  output: Json | null;
  error: string | null;
  attempts: number;
  startedAt: Date;
  completedAt: Date | null;
  durationMs: number | null;
  usage: TokenUsage;
  /** Null for steps that call no model (plain computations). */
  model: string | null;
  input: Json | null;
  provenance: Json | null;
}

export interface CheckpointRecord {
  id: string;
  jobId: string;
  key: string;
  type: CheckpointType;
  prompt: JsonObject;
  status: CheckpointStatus;
  response: JsonObject | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  deadline: Date;
  createdAt: Date;
}

export interface NewCheckpoint {
  jobId: string;
  key: string;
  type: CheckpointType;
  prompt: JsonObject;
  deadline: Date;
}

/**
 * One change of a job, written in one statement (docs/performance.md, Where a job's time goes): the events it
 * appends (their seqs allocated in the same statement), the columns of the job row that follow from them, the steps
 * it records, and at most one checkpoint change. A guard says what the job row must satisfy; when it does not,
 * nothing at all is written.
 */
export interface JobChange {
  events?: NewEvent[];
  set?: JobColumns;
  steps?: StepWrite[];
  checkpoint?: CheckpointChange;
  guard?: JobGuard;
}

/** The job row's columns a change may set. A terminal `status` writes its events only if no earlier one did. */
export interface JobColumns {
  status?: JobStatus;
  phase?: string;
  /** Never moves back: the row keeps the greater of this and its own. */
  progress?: number;
  progressMessage?: string;
  result?: JsonObject;
  error?: string;
  cancelRequested?: boolean;
  /** Sets completedAt to now. */
  completed?: boolean;
  /** Lets go of the runner's lease in the same statement. */
  releaseLease?: boolean;
}

export interface JobGuard {
  /** The runner that must hold the job's lease. */
  leaseOwner?: string;
  /** The job has not finished (not in a terminal status). */
  unfinished?: boolean;
  /** Nobody holds a live lease on the job at this time. */
  leaseFreeAt?: Date;
  statusIn?: readonly JobStatus[];
  /** The job has no pending checkpoint. */
  noOpenCheckpoint?: boolean;
  /**
   * The job's cancel request must be this. Checked on the row the statement locks, so a request committed first by
   * any server is seen (a completion guarded with `false` is refused once a cancel was requested).
   */
  cancelRequested?: boolean;
}

/**
 * A step's row as a change writes it. `started` (always for `running`) counts an attempt and stamps its start: a step
 * that finished before its start was written is written once, started and finished (docs/performance.md).
 */
export type StepWrite =
  | { key: string; status: "running" }
  | ({
      key: string;
      status: "completed";
      output: Json;
      durationMs: number;
      usage: TokenUsage;
      started?: boolean;
    } & StepCall)
  | ({ key: string; status: "failed"; error: string; durationMs: number; started?: boolean } & StepCall);

export type CheckpointChange =
  /** Settles a pending checkpoint as answered; the job row is written only if this answer won. */
  | { kind: "answer"; id: string; response: JsonObject; answeredBy: string }
  /** The job waits at this checkpoint, if it is still pending. */
  | { kind: "wait"; id: string }
  /** Expires a pending checkpoint; the job row is written only if it was still pending. */
  | { kind: "expire"; id: string }
  /** Settles every pending checkpoint of the job along with the job row. */
  | { kind: "settleAll"; status: Exclude<CheckpointStatus, "pending" | "answered"> };

/** What a change wrote: the job row after it, its events (in seq order), and the checkpoint it touched. */
export interface RecordedChange {
  job: JobRecord;
  events: JobEventRecord[];
  checkpoint: CheckpointRecord | null;
}

/** A claimed job with what a run replays: its completed steps and its checkpoints. */
export interface ClaimedJob {
  job: JobRecord;
  steps: StepRecord[];
  checkpoints: CheckpointRecord[];
}
