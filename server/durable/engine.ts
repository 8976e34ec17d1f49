import type { Logger } from "pino";
import { timed } from "../common/timed";
import type { EventLog } from "./event-log";
import type { JobStore } from "./job-store";
import type { CheckpointRepository, StepRepository } from "./repositories/contracts";
import type {
  CheckpointRecord,
  CheckpointType,
  JobRecord,
  Json,
  JsonObject,
  NewEvent,
  StepCall,
  TokenUsage,
  WaitingStatus,
} from "./types";
import { CancelledError, CheckpointClosedError, SuspendSignal } from "./signals";

/**
 * The durable step engine (docs/architecture.md, The durable engine). A workflow is ordinary async code over `run`,
 * `ask` and `emit`; every finished step is stored, so running the workflow again (after a restart or an answer) replays
 * finished steps from the store without calling them, and continues where the job stopped.
 */
export interface EngineDeps {
  store: JobStore;
  events: EventLog;
  steps: StepRepository;
  checkpoints: CheckpointRepository;
  checkpointTimeoutMs: number;
  log?: Logger;
}

export interface StepIo {
  /** The job's AbortSignal: aborted on cancel or shutdown; pass it to every model call and timer. */
  signal: AbortSignal;
  reportUsage(usage: TokenUsage): void;
  /** What the step ran on and was given, kept with the step for the timeline (docs/ui.md, Timeline). */
  reportCall(call: StepCall): void;
}

export interface CheckpointRequest {
  type: CheckpointType;
  prompt: JsonObject;
  /** The job's status while it waits: for the user's input, or for their review. */
  waits: WaitingStatus;
}

export interface WorkflowContext {
  readonly job: Readonly<JobRecord>;
  readonly signal: AbortSignal;
  run<T extends Json>(key: string, fn: (io: StepIo) => Promise<T>): Promise<T>;
  ask<T extends JsonObject = JsonObject>(key: string, request: CheckpointRequest): Promise<T>;
  emit(event: NewEvent): Promise<void>;
  /** Streams model output (only when the job asked for it): coalesced, never stored. */
  token(text: string): void;
  /** Enters a phase (`round` > 1 for a re-run of it); a transition replayed after a restart emits nothing. */
  phase(name: string, round?: number): Promise<void>;
  /** Moves the progress bar forward (never back, so a replay does not rewind it). */
  progress(percent: number, message?: string): Promise<void>;
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

function addUsage(total: TokenUsage, more: TokenUsage): void {
  for (const field of ["inputTokens", "outputTokens", "totalTokens"] as const) {
    const value = more[field];
    if (value !== undefined) total[field] = (total[field] ?? 0) + value;
  }
}

/** Phase transitions are stored as marker steps so a replay emits nothing; they are bookkeeping, not work. */
export const PHASE_MARKER = "@phase";
export const isPhaseMarker = (key: string): boolean => key.endsWith(`/${PHASE_MARKER}`);

const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

export function createWorkflowContext(deps: EngineDeps, job: JobRecord, signal: AbortSignal): WorkflowContext {
  return new StepEngine(deps, job, signal);
}

class StepEngine implements WorkflowContext {
  private currentPhase: string | null;

  constructor(
    private readonly deps: EngineDeps,
    readonly job: JobRecord,
    readonly signal: AbortSignal,
  ) {
    this.currentPhase = job.phase;
  }

  async run<T extends Json>(key: string, fn: (io: StepIo) => Promise<T>): Promise<T> {
    const { steps, events } = this.deps;
    const stored = await steps.find(this.job.id, key);
    if (stored?.status === "completed") return stored.output as T;
    this.signal.throwIfAborted();
    await steps.start(this.job.id, key);
    await this.emit({ type: "step_start", message: key, data: { key } });
    const usage: TokenUsage = {};
    const call: StepCall = {};
    const io: StepIo = {
      signal: this.signal,
      reportUsage: (more) => addUsage(usage, more),
      reportCall: (more) => Object.assign(call, more),
    };
    const { value: attempt, durationMs } = await timed(key, () => this.attempt(() => fn(io)), this.deps.log);
    events.flushTokens(this.job.id);
    if (!attempt.ok) {
      const error = attempt.error instanceof Error ? attempt.error.message : String(attempt.error);
      await steps.fail(this.job.id, key, { error, durationMs, call });
      await this.emit({ type: "step_end", message: key, data: { key, durationMs, status: "failed", error } });
      throw attempt.error;
    }
    await steps.complete(this.job.id, key, { output: attempt.value, durationMs, usage, call });
    await this.emit({
      type: "step_end",
      message: key,
      data: { key, durationMs, status: "completed", usage: { ...usage } },
    });
    return attempt.value;
  }

  async ask<T extends JsonObject = JsonObject>(key: string, request: CheckpointRequest): Promise<T> {
    const existing = await this.deps.checkpoints.findByKey(this.job.id, key);
    if (existing?.status === "answered") return this.answerOf<T>(existing);
    if (existing && existing.status !== "pending") throw new CheckpointClosedError(key, existing.status);
    this.signal.throwIfAborted();
    const checkpoint = await this.openCheckpoint(key, request, existing);
    if (checkpoint.status === "answered") return this.answerOf<T>(checkpoint);
    throw new SuspendSignal(checkpoint.id);
  }

  async emit(event: NewEvent): Promise<void> {
    await this.deps.events.append(this.job.id, { ...event, phase: event.phase ?? this.currentPhase });
  }

  token(text: string): void {
    if (this.job.options.streamTokens === true && text) this.deps.events.token(this.job.id, text, this.currentPhase);
  }

  async phase(name: string, round = 1): Promise<void> {
    const key = `${slug(name)}#${round}/${PHASE_MARKER}`;
    const { steps, store, events } = this.deps;
    if ((await steps.find(this.job.id, key))?.status !== "completed") {
      await store.withLock(this.job.id, async (job) => {
        const previous = (await job.current()).phase;
        if (previous) await events.append(this.job.id, { type: "phase_end", phase: previous, message: previous });
        await job.update(() => ({ phase: name }));
        await events.append(this.job.id, { type: "phase_start", phase: name, message: name, data: { round } });
      });
      await steps.start(this.job.id, key);
      await steps.complete(this.job.id, key, { output: { phase: name, round }, durationMs: 0, usage: {} });
    }
    this.currentPhase = name;
  }

  async progress(percent: number, message?: string): Promise<void> {
    const bounded = Math.max(0, Math.min(100, Math.round(percent)));
    await this.deps.store.withLock(this.job.id, async (job) => {
      const current = await job.current();
      if (bounded <= current.progress) return;
      await job.update(() => ({ progress: bounded, progressMessage: message ?? current.progressMessage }));
      await this.deps.events.append(this.job.id, {
        type: "progress",
        phase: this.currentPhase,
        message: message ?? "",
        data: { percent: bounded },
      });
    });
  }

  private async attempt<T>(fn: () => Promise<T>): Promise<Attempt<T>> {
    try {
      return { ok: true, value: await fn() };
    } catch (error) {
      return { ok: false, error };
    }
  }

  private answerOf<T extends JsonObject>(checkpoint: CheckpointRecord): T {
    const response = checkpoint.response ?? {};
    // Every checkpoint accepts {action: "cancel"} (docs/workflow.md, Checkpoints); the runner turns this into
    // `cancelled`.
    if (response.action === "cancel") throw new CancelledError(`Cancelled at checkpoint ${checkpoint.key}`);
    return response as T;
  }

  /** Stores the pending checkpoint and puts the job in its waiting status, atomically for this job. */
  private openCheckpoint(
    key: string,
    request: CheckpointRequest,
    existing: CheckpointRecord | null,
  ): Promise<CheckpointRecord> {
    const { store, checkpoints, checkpointTimeoutMs } = this.deps;
    return store.withLock(this.job.id, async (job) => {
      const deadline = new Date(Date.now() + checkpointTimeoutMs);
      const checkpoint =
        existing ??
        (await checkpoints.create({ jobId: this.job.id, key, type: request.type, prompt: request.prompt, deadline }));
      await job.update(() => ({ status: request.waits }));
      // Another server may have answered between our create and our status change: then resume at once.
      const settled = await checkpoints.findById(checkpoint.id);
      if (settled?.status === "answered") {
        await job.update(() => ({ status: "running" }));
        return settled;
      }
      if (!existing) await this.emitRequired(checkpoint);
      return checkpoint;
    });
  }

  private emitRequired(checkpoint: CheckpointRecord): Promise<void> {
    return this.emit({
      type: "hitl_required",
      message: `Waiting for ${checkpoint.type}`,
      data: {
        checkpointId: checkpoint.id,
        key: checkpoint.key,
        type: checkpoint.type,
        prompt: checkpoint.prompt,
        deadline: checkpoint.deadline.toISOString(),
      },
    });
  }
}
