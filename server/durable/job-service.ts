import { isDeepStrictEqual } from "node:util";
import { badRequest, conflict, notFound } from "../common/errors";
import { KeyedLock } from "../common/keyed-lock";
import { isPhaseMarker } from "./engine";
import type { EventLog } from "./event-log";
import type { JobLifecycle } from "./job-lifecycle";
import type { JobStore } from "./job-store";
import type { JobWriter } from "./job-writer";
import type { Repositories } from "./repositories/contracts";
import { answeredEvent } from "./runner";
import type {
  CheckpointRecord,
  JobEventRecord,
  JobOptions,
  JobRecord,
  JobStatus,
  JsonObject,
  StepRecord,
} from "./types";
import { isTerminal } from "./types";
import { streamJobEvents, type StreamItem } from "./event-stream";
import type { WorkflowLookup } from "./workflow";

export interface CreateJobInput {
  ownerId: string;
  task: string;
  options: JobOptions;
  requestId?: string | null;
  engine: string;
  workflow: string;
}

export interface JobScheduler {
  enqueue(jobId: string): void;
  abortLocal(jobId: string): boolean;
  isActive(jobId: string): boolean;
}

export interface JobTimeline {
  steps: StepRecord[];
  checkpoints: CheckpointRecord[];
  events: JobEventRecord[];
}

export type AnswerStatus = "accepted" | "duplicate";

/**
 * Ownership (docs/architecture.md, Identity and ownership): a job is visible only to its owner. Someone else's job
 * answers exactly as an unknown id does (NOT_FOUND, same message), so a caller cannot learn which ids exist
 * (docs/security.md).
 */
export function assertOwner(job: JobRecord, userId: string): void {
  if (job.ownerId !== userId) throw notFound(`Job '${job.id}' not found`);
}

/** The use cases behind the jobs/skills/hitl procedures (docs/architecture.md, API). */
export class JobService {
  private readonly requestLocks = new KeyedLock();

  constructor(
    private readonly store: JobStore,
    private readonly events: EventLog,
    private readonly repos: Repositories,
    private readonly lifecycle: JobLifecycle,
    private readonly scheduler: JobScheduler,
    private readonly workflows: WorkflowLookup,
    private readonly writer: JobWriter,
  ) {}

  /**
   * Creates and queues a job, with its queued event, in one statement; the same (owner, requestId) always yields the
   * same job, even when racing (the unique index decides between servers).
   */
  async create(input: CreateJobInput): Promise<{ job: JobRecord; created: boolean }> {
    const { requestId } = input;
    const outcome = requestId
      ? await this.requestLocks.run(`${input.ownerId}\u0000${requestId}`, () => this.createOnce(input, requestId))
      : { job: await this.insert(input), created: true };
    if (outcome.created) this.scheduler.enqueue(outcome.job.id);
    return outcome;
  }

  async get(userId: string, jobId: string): Promise<JobRecord> {
    const job = await this.current(jobId);
    assertOwner(job, userId);
    return job;
  }

  /**
   * The cached job when this process writes it (it runs here); otherwise a fresh read, because another server
   * sharing the database may be running it (the store keeps whichever copy is newer).
   */
  private async current(jobId: string): Promise<JobRecord> {
    const cached = await this.store.require(jobId);
    if (this.scheduler.isActive(jobId)) return cached;
    return (await this.store.refresh(jobId)) ?? cached;
  }

  async pendingCheckpoint(job: JobRecord): Promise<CheckpointRecord | null> {
    return isTerminal(job.status) ? null : this.repos.checkpoints.findPendingForJob(job.id);
  }

  /** The job's checkpoints, oldest first (answered, pending and closed ones). */
  async checkpoints(job: JobRecord): Promise<CheckpointRecord[]> {
    return this.repos.checkpoints.listForJob(job.id);
  }

  /** For a failed job, the step that failed last (null when the job failed outside a step, e.g. an expiry). */
  async failedStep(job: JobRecord): Promise<StepRecord | null> {
    if (job.status !== "failed") return null;
    const steps = await this.repos.steps.listForJob(job.id);
    return steps.filter((step) => step.status === "failed").at(-1) ?? null;
  }

  /** A page of the caller's jobs, and how many of the jobs matching the search are in each status. */
  async list(userId: string, query: { status?: JobStatus; q?: string; cursor?: string; limit?: number }) {
    const filter = { ownerId: userId, q: query.q?.trim() || undefined };
    const limit = Math.min(100, Math.max(1, query.limit ?? 20));
    const [page, counts] = await Promise.all([
      this.repos.jobs.list({ ...filter, status: query.status, cursor: query.cursor, limit }),
      this.repos.jobs.countByStatus(filter),
    ]);
    return { ...page, counts };
  }

  async timeline(userId: string, jobId: string): Promise<JobTimeline> {
    await this.get(userId, jobId);
    const [steps, checkpoints, events] = await Promise.all([
      this.repos.steps.listForJob(jobId),
      this.repos.checkpoints.listForJob(jobId),
      this.events.after(jobId, 0),
    ]);
    return { steps: steps.filter((step) => !isPhaseMarker(step.key)), checkpoints, events };
  }

  /** The job's events for one subscriber after `afterSeq` (replay, then live), once ownership is checked. */
  async stream(
    userId: string,
    jobId: string,
    afterSeq: number,
    signal: AbortSignal,
  ): Promise<AsyncGenerator<StreamItem>> {
    await this.get(userId, jobId);
    return streamJobEvents({ events: this.events, store: this.store }, jobId, afterSeq, signal);
  }

  /** Cancels at any point: directly when nobody runs the job, otherwise through the runner's AbortSignal. */
  async cancel(userId: string, jobId: string): Promise<JobRecord> {
    const job = await this.get(userId, jobId);
    if (isTerminal(job.status)) return job;
    await this.store.update(jobId, (current) =>
      isTerminal(current.status) || current.cancelRequested ? null : { cancelRequested: true },
    );
    // Idle (waiting, or queued without a live lease): cancel it here. Running here: abort it. Running on
    // another server: its heartbeat sees cancelRequested and aborts it there.
    if (!(await this.lifecycle.cancelIdle(jobId))) this.scheduler.abortLocal(jobId);
    return this.store.require(jobId);
  }

  /**
   * docs/architecture.md, Answers: first answer wins, an identical repeat is a duplicate, anything else conflicts.
   * The winning answer settles the checkpoint, sets the job running and stores its hitl_answered event in ONE write,
   * so no crash can leave an answered checkpoint behind a job still waiting.
   */
  async answer(userId: string, jobId: string, checkpointId: string, response: JsonObject): Promise<AnswerStatus> {
    const { workflow } = await this.get(userId, jobId);
    const checkpoint = await this.repos.checkpoints.findById(checkpointId);
    if (!checkpoint || checkpoint.jobId !== jobId)
      throw notFound(`Checkpoint '${checkpointId}' not found for job '${jobId}'`);
    const parsed = this.parseAnswer(workflow, checkpoint, response);
    const settled = this.settledOutcome(checkpoint, parsed);
    if (settled) return settled;
    const applied = await this.writer.record(jobId, () => ({
      checkpoint: { kind: "answer", id: checkpointId, response: parsed, answeredBy: userId },
      set: { status: "running" },
      events: [answeredEvent(checkpointId, checkpoint.type)],
      guard: { unfinished: true },
    }));
    if (!applied) {
      // Another caller or server settled it between our read and our write: judge against what it stored.
      const now = await this.repos.checkpoints.findById(checkpointId);
      return (now && this.settledOutcome(now, parsed)) ?? "duplicate";
    }
    this.scheduler.enqueue(jobId);
    return "accepted";
  }

  private parseAnswer(workflow: string, checkpoint: CheckpointRecord, response: JsonObject): JsonObject {
    const schema = this.workflows(workflow)?.answers[checkpoint.type];
    if (!schema) throw badRequest(`A ${checkpoint.type} checkpoint of workflow '${workflow}' takes no answers here`);
    const parsed = schema.safeParse(response);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) =>
        i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message,
      );
      throw badRequest(`Invalid answer for a ${checkpoint.type} checkpoint: ${problems.join("; ")}`);
    }
    return parsed.data;
  }

  /** For a checkpoint that is no longer pending: duplicate, or CONFLICT. Null while it is pending. */
  private settledOutcome(checkpoint: CheckpointRecord, response: JsonObject): AnswerStatus | null {
    if (checkpoint.status === "pending") return null;
    if (checkpoint.status === "answered" && isDeepStrictEqual(checkpoint.response, response)) return "duplicate";
    if (checkpoint.status === "answered")
      throw conflict(`Checkpoint '${checkpoint.id}' was already answered differently`);
    throw conflict(`Checkpoint '${checkpoint.id}' is ${checkpoint.status} and can no longer be answered`);
  }

  private async createOnce(input: CreateJobInput, requestId: string): Promise<{ job: JobRecord; created: boolean }> {
    const made = await this.insertQueued(input);
    if (made) return { job: made, created: true };
    // The same request was made before (here or on another server): the unique index decided, return its job.
    const existing = await this.repos.jobs.findByRequest(input.ownerId, requestId);
    if (!existing) throw conflict(`Job request '${requestId}' is being created; try again`);
    return { job: this.store.remember(existing), created: false };
  }

  private async insert(input: CreateJobInput): Promise<JobRecord> {
    const made = await this.insertQueued(input);
    if (!made) throw conflict("A job without a request id was refused as a duplicate");
    return made;
  }

  /** The job and its queued event (seq 1), in one statement; null when its (owner, requestId) exists. */
  private async insertQueued(input: CreateJobInput): Promise<JobRecord | null> {
    const made = await this.repos.jobs.createWithEvent(
      { ...input, requestId: input.requestId ?? null },
      { type: "progress", message: "Job queued", data: { percent: 0 } },
    );
    if (!made) return null;
    this.events.publishStored([made.event]);
    return this.store.remember(made.job);
  }
}
