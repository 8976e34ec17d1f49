import type {
  CheckpointRecord,
  ClaimedJob,
  JobChange,
  JobEventRecord,
  JobPatch,
  JobRecord,
  JobStatus,
  NewCheckpoint,
  NewEvent,
  NewJob,
  RecordedChange,
  StepRecord,
} from "../types";

/**
 * What the job engine needs from storage. The Prisma implementations live next to this file; tests wrap them
 * (random delays, call counting) to drive interleavings.
 */
/** Whose jobs, and an optional full-text query (words in any order) over the job's search document. */
export interface JobFilter {
  ownerId: string;
  q?: string;
}

export interface JobListQuery extends JobFilter {
  status?: JobStatus;
  cursor?: string;
  limit: number;
}

/** Unfinished jobs a crash may have left half-changed (docs/architecture.md, Crash safety). */
export interface InterruptedJobs {
  /** Waiting at a checkpoint, but no checkpoint of theirs is open. */
  waitingWithoutCheckpoint: string[];
  /** An answered checkpoint without its hitl_answered event. */
  unannouncedAnswers: { jobId: string; checkpointId: string; type: string }[];
  /** A terminal event in the log, not in the status (and nobody runs them). */
  closedInLog: { jobId: string; type: "completed" | "failed" | "cancelled"; message: string }[];
}

export interface JobRepository {
  /** Throws DuplicateRequestError when (ownerId, requestId) already exists. */
  create(input: NewJob): Promise<JobRecord>;
  /**
   * Creates the job with its first event (seq 1) in one statement; null when (ownerId, requestId) already exists.
   */
  createWithEvent(input: NewJob, event: NewEvent): Promise<{ job: JobRecord; event: JobEventRecord } | null>;
  findById(id: string): Promise<JobRecord | null>;
  findByRequest(ownerId: string, requestId: string): Promise<JobRecord | null>;
  /** Writes only if the row still has `version` (optimistic concurrency); bumps the version. Null = stale. */
  updateIfVersion(id: string, version: number, patch: JobPatch): Promise<JobRecord | null>;
  list(query: JobListQuery): Promise<{ items: JobRecord[]; nextCursor: string | null }>;
  /** How many of the filter's jobs are in each status (statuses without jobs are left out). */
  countByStatus(filter: JobFilter): Promise<Partial<Record<JobStatus, number>>>;
  /**
   * Takes the lease if the job is runnable (pending/running) and its lease is free or expired, marks it running, and
   * reads what the run replays (completed steps, checkpoints), in one statement.
   */
  claim(id: string, owner: string, leaseMs: number): Promise<ClaimedJob | null>;
  /** Extends our lease; `held: false` means another runner took the job. */
  renewLease(id: string, owner: string, leaseMs: number): Promise<{ held: boolean; cancelRequested: boolean }>;
  releaseLease(id: string, owner: string): Promise<void>;
  /**
   * Writes one change of the job (its row, events, steps, checkpoint) in one statement; with `announceAs` the
   * statement also NOTIFYs EVENT_CHANNEL of its events. Null when the job does not satisfy the change's guard (then
   * nothing was written).
   */
  record(jobId: string, change: JobChange, announceAs?: string): Promise<RecordedChange | null>;
  findResumable(limit: number): Promise<string[]>;
  findInterrupted(now: Date, limit: number): Promise<InterruptedJobs>;
}

export interface StepRepository {
  listForJob(jobId: string): Promise<StepRecord[]>;
}

export interface CheckpointRepository {
  findById(id: string): Promise<CheckpointRecord | null>;
  findByKey(jobId: string, key: string): Promise<CheckpointRecord | null>;
  findPendingForJob(jobId: string): Promise<CheckpointRecord | null>;
  /** Creates the pending checkpoint, or returns the one already stored under that key. */
  create(input: NewCheckpoint): Promise<CheckpointRecord>;
  findOverdue(now: Date, limit: number): Promise<CheckpointRecord[]>;
  listForJob(jobId: string): Promise<CheckpointRecord[]>;
}

/** The PostgreSQL NOTIFY channel that tells other servers an event was stored (docs/architecture.md, Storage). */
export const EVENT_CHANNEL = "skill_fleet_events";

/** What goes through EVENT_CHANNEL: where to read the event, and which server wrote it. Never the event itself. */
export interface EventAnnouncement {
  jobId: string;
  seq: number;
  origin: string;
}

export interface EventRepository {
  /**
   * Allocates the next seq of the job atomically in the database and stores the event; with `announceAs` (the
   * writing server's origin) the same statement also NOTIFYs EVENT_CHANNEL.
   */
  append(jobId: string, event: NewEvent, announceAs?: string): Promise<JobEventRecord>;
  /** NOTIFYs EVENT_CHANNEL about an event stored earlier (one whose announcement could not ride in its statement). */
  announce(announcement: EventAnnouncement): Promise<void>;
  listAfter(jobId: string, afterSeq: number, limit?: number): Promise<JobEventRecord[]>;
  /** The newest stored event of each of these jobs (jobs without events are left out). */
  latest(jobIds: readonly string[]): Promise<JobEventRecord[]>;
}

export interface Repositories {
  jobs: JobRepository;
  steps: StepRepository;
  checkpoints: CheckpointRepository;
  events: EventRepository;
}

export class DuplicateRequestError extends Error {
  constructor(
    public readonly ownerId: string,
    public readonly requestId: string,
  ) {
    super(`A job with requestId ${requestId} already exists for ${ownerId}`);
    this.name = "DuplicateRequestError";
  }
}
