import type { Logger } from "pino";
import { timed } from "../common/timed";
import { recordStep } from "../observability/job-metrics";
import type { EventLog } from "./event-log";
import type { JobStore } from "./job-store";
import type { JobWriter } from "./job-writer";
import { RunWrites, type RunChange } from "./run-writes";
import type { CheckpointRepository, StepRepository } from "./repositories/contracts";
import type {
  CheckpointRecord,
  CheckpointType,
  ClaimedJob,
  JobRecord,
  Json,
  JsonObject,
  NewEvent,
  StepCall,
  StepRecord,
  TokenUsage,
  WaitingStatus,
} from "./types";
import { CancelledError, CheckpointClosedError, ReleaseSignal, SuspendSignal } from "./signals";

/**
 * The durable step engine (docs/architecture.md, The durable engine). A workflow is ordinary async code over `run`,
 * `ask` and `emit`; every finished step is stored, so running the workflow again (after a restart or an answer) replays
 * finished steps from the store without calling them, and continues where the job stopped. Every write is one
 * statement (docs/performance.md): a step's start, a step's end with its notes, a phase change, a checkpoint's wait.
 */
export interface EngineDeps {
  store: JobStore;
  events: EventLog;
  writer: JobWriter;
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
  /** An event stored with this step's end (in the same write), such as a reasoning snippet. */
  note(event: NewEvent): void;
}

/** Where the progress bar moves as a step or a checkpoint begins (written with it, never back). */
export interface Progress {
  percent: number;
  message?: string;
}

/** A phase a step or a checkpoint begins (`round` > 1 for a re-run of it). */
export interface PhaseEntry {
  name: string;
  round?: number;
}

export interface RunOptions {
  phase?: PhaseEntry;
  progress?: Progress;
  /**
   * Whether a stored output may be replayed (its shape still fits the step's schema). A stored output it refuses is
   * not trusted: the step runs again and its new output replaces it.
   */
  accept?: (stored: Json) => boolean;
}

export interface CheckpointRequest {
  type: CheckpointType;
  prompt: JsonObject;
  /** The job's status while it waits: for the user's input, or for their review. */
  waits: WaitingStatus;
  phase?: PhaseEntry;
  progress?: Progress;
}

export interface WorkflowContext {
  readonly job: Readonly<JobRecord>;
  readonly signal: AbortSignal;
  run<T extends Json>(key: string, fn: (io: StepIo) => Promise<T>, options?: RunOptions): Promise<T>;
  ask<T extends JsonObject = JsonObject>(key: string, request: CheckpointRequest): Promise<T>;
  emit(event: NewEvent): Promise<void>;
  /**
   * Streams model output (only when the job asked for it): coalesced, never stored. `reset`: what was streamed for
   * this step is void (a re-ask or retry starts the text again).
   */
  token(text: string, options?: { reset?: boolean }): void;
  /** Enters a phase (`round` > 1 for a re-run of it); a transition replayed after a restart emits nothing. */
  phase(name: string, round?: number): Promise<void>;
  /** Moves the progress bar forward (never back, so a replay does not rewind it). */
  progress(percent: number, message?: string): Promise<void>;
  /** The completed steps known to this run (replayed and new), with what each recorded (model, provenance). */
  steps(): Promise<StepRecord[]>;
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** What a run replays: completed steps and checkpoints by key. */
interface History {
  steps: Map<string, StepRecord>;
  checkpoints: Map<string, CheckpointRecord>;
}

function addUsage(total: TokenUsage, more: TokenUsage): void {
  for (const field of ["inputTokens", "outputTokens", "totalTokens"] as const) {
    const value = more[field];
    if (value !== undefined) total[field] = (total[field] ?? 0) + value;
  }
}

function historyOf(steps: readonly StepRecord[], checkpoints: readonly CheckpointRecord[]): History {
  return {
    steps: new Map(steps.filter((s) => s.status === "completed").map((s) => [s.key, s])),
    checkpoints: new Map(checkpoints.map((c) => [c.key, c])),
  };
}

function completedStep(
  jobId: string,
  key: string,
  output: Json,
  done: { durationMs: number; usage: TokenUsage; call: StepCall },
): StepRecord {
  const { durationMs, usage, call } = done;
  const now = new Date();
  return {
    jobId,
    key,
    status: "completed",
    output,
    error: null,
    attempts: 1,
    startedAt: now,
    completedAt: now,
    durationMs,
    usage,
    model: call.model ?? null,
    input: call.input ?? null,
    provenance: call.provenance ?? null,
  };
}

/** Phase transitions are stored as marker steps so a replay emits nothing; they are bookkeeping, not work. */
export const PHASE_MARKER = "@phase";
export const isPhaseMarker = (key: string): boolean => key.endsWith(`/${PHASE_MARKER}`);

const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

/** A run's context; `claimed` is what the runner's claim read (else the history is read on first use). */
export function createWorkflowContext(
  deps: EngineDeps,
  job: JobRecord,
  signal: AbortSignal,
  claimed?: Pick<ClaimedJob, "steps" | "checkpoints">,
): WorkflowContext {
  return new StepEngine(deps, job, signal, claimed);
}

class StepEngine implements WorkflowContext {
  private currentPhase: string | null;
  private progressShown: number;
  private tokensStreamed = 0;
  private historyLoad: Promise<History> | undefined;
  private readonly writes: RunWrites;

  constructor(
    private readonly deps: EngineDeps,
    readonly job: JobRecord,
    readonly signal: AbortSignal,
    claimed?: Pick<ClaimedJob, "steps" | "checkpoints">,
  ) {
    this.currentPhase = job.phase;
    this.progressShown = job.progress;
    // Writes of this run apply only while the job is unfinished and (when claimed) still leased to this runner.
    const guard = { unfinished: true, ...(job.leaseOwner ? { leaseOwner: job.leaseOwner } : {}) };
    this.writes = new RunWrites(deps.writer, job.id, guard);
    if (claimed) this.historyLoad = Promise.resolve(historyOf(claimed.steps, claimed.checkpoints));
  }

  async run<T extends Json>(key: string, fn: (io: StepIo) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const history = await this.history();
    const stored = history.steps.get(key);
    if (stored && (options.accept?.(stored.output) ?? true)) return stored.output as T;
    this.signal.throwIfAborted();
    this.lead(history, options);
    const tokensBefore = this.tokensStreamed;
    const start = this.writes.startLater({
      steps: [{ key, status: "running" }],
      events: [this.stamp({ type: "step_start", message: key, data: { key } })],
    });
    const usage: TokenUsage = {};
    const call: StepCall = {};
    const notes: NewEvent[] = [];
    const io: StepIo = {
      signal: this.signal,
      reportUsage: (more) => addUsage(usage, more),
      reportCall: (more) => Object.assign(call, more),
      note: (event) => notes.push(this.stamp(event)),
    };
    const { value: attempt, durationMs } = await timed(key, () => this.attempt(() => fn(io)), this.deps.log);
    recordStep(this.job.workflow, key, attempt.ok, durationMs);
    if (this.tokensStreamed > tokensBefore) await start.flush(); // its text follows its start, precedes its end
    this.deps.events.flushTokens(this.job.id);
    await start.finish(this.stepEnd(key, attempt, { durationMs, usage, call, notes }));
    if (!attempt.ok) throw attempt.error;
    history.steps.set(key, completedStep(this.job.id, key, attempt.value, { durationMs, usage, call }));
    return attempt.value;
  }

  async ask<T extends JsonObject = JsonObject>(key: string, request: CheckpointRequest): Promise<T> {
    const history = await this.history();
    const known = history.checkpoints.get(key);
    if (known && known.status !== "pending") return this.answerOf<T>(known);
    this.signal.throwIfAborted();
    this.lead(history, request);
    const checkpoint = known ?? (await this.createCheckpoint(key, request));
    if (checkpoint.status !== "pending") return this.answerOf<T>(checkpoint);
    if (await this.waitAt(checkpoint, request)) throw new SuspendSignal(checkpoint.id);
    // Not waiting after all: another server answered in the meantime (go on), or the checkpoint closed.
    const now = await this.deps.checkpoints.findById(checkpoint.id);
    if (now && now.status !== "pending") return this.answerOf<T>(now);
    throw new ReleaseSignal(`job ${this.job.id} changed while it was to wait at ${key}`);
  }

  async emit(event: NewEvent): Promise<void> {
    await this.writes.write({ events: [this.stamp(event)] });
  }

  token(text: string, options: { reset?: boolean } = {}): void {
    const reset = options.reset === true;
    if (this.job.options.streamTokens !== true || (!text && !reset)) return;
    this.tokensStreamed += 1;
    this.deps.events.token(this.job.id, text, this.currentPhase, reset);
  }

  async phase(name: string, round = 1): Promise<void> {
    this.enter(await this.history(), { name, round });
    await this.writes.write({});
  }

  async progress(percent: number, message?: string): Promise<void> {
    this.moveProgress({ percent, message });
    await this.writes.write({});
  }

  async steps(): Promise<StepRecord[]> {
    return [...(await this.history()).steps.values()];
  }

  private history(): Promise<History> {
    this.historyLoad ??= Promise.all([
      this.deps.steps.listForJob(this.job.id),
      this.deps.checkpoints.listForJob(this.job.id),
    ]).then(([steps, checkpoints]) => historyOf(steps, checkpoints));
    return this.historyLoad;
  }

  /** What a step or checkpoint announces as it begins, held for the run's next write. */
  private lead(history: History, options: { phase?: PhaseEntry; progress?: Progress }): void {
    if (options.phase) this.enter(history, options.phase);
    this.moveProgress(options.progress);
  }

  /** A phase change (with its marker step, so a replay repeats nothing), held for the next write. */
  private enter(history: History, { name, round = 1 }: PhaseEntry): void {
    const key = `${slug(name)}#${round}/${PHASE_MARKER}`;
    if (!history.steps.has(key)) {
      const output = { phase: name, round };
      const previous = this.currentPhase;
      this.writes.hold({
        events: [
          ...(previous ? [{ type: "phase_end" as const, phase: previous, message: previous }] : []),
          { type: "phase_start", phase: name, message: name, data: { round } },
        ],
        set: { phase: name },
        steps: [{ key, status: "completed", output, durationMs: 0, usage: {}, started: true }],
      });
      history.steps.set(key, completedStep(this.job.id, key, output, { durationMs: 0, usage: {}, call: {} }));
    }
    this.currentPhase = name;
  }

  /** A move of the progress bar forward (never back), with its event, held for the next write. */
  private moveProgress(progress: Progress | undefined): void {
    const percent = progress ? Math.max(0, Math.min(100, Math.round(progress.percent))) : 0;
    if (!progress || percent <= this.progressShown) return;
    this.progressShown = percent;
    const message = progress.message ?? "";
    this.writes.hold({
      events: [this.stamp({ type: "progress", message, data: { percent } })],
      set: { progress: percent, ...(message ? { progressMessage: message } : {}) },
    });
  }

  private stamp(event: NewEvent): NewEvent {
    return { ...event, phase: event.phase ?? this.currentPhase };
  }

  private stepEnd(
    key: string,
    attempt: Attempt<Json>,
    done: { durationMs: number; usage: TokenUsage; call: StepCall; notes: NewEvent[] },
  ): RunChange {
    const { durationMs, usage, call, notes } = done;
    // Who wrote the output travels with the step's end, so a live log can say "fallback" as it happens.
    const provenance: JsonObject = call.provenance === undefined ? {} : { provenance: call.provenance };
    if (!attempt.ok) {
      const error = attempt.error instanceof Error ? attempt.error.message : String(attempt.error);
      const data = { key, durationMs, status: "failed", error, ...provenance };
      return {
        steps: [{ key, status: "failed", error, durationMs, ...call }],
        events: [...notes, this.stamp({ type: "step_end", message: key, data })],
      };
    }
    const data = { key, durationMs, status: "completed", usage: { ...usage }, ...provenance };
    return {
      steps: [{ key, status: "completed", output: attempt.value, durationMs, usage, ...call }],
      events: [...notes, this.stamp({ type: "step_end", message: key, data })],
    };
  }

  private async attempt<T>(fn: () => Promise<T>): Promise<Attempt<T>> {
    try {
      return { ok: true, value: await fn() };
    } catch (error) {
      return { ok: false, error };
    }
  }

  /** The answer of a settled checkpoint; a closed one (expired, cancelled, superseded) stops the run. */
  private answerOf<T extends JsonObject>(checkpoint: CheckpointRecord): T {
    if (checkpoint.status !== "answered") throw new CheckpointClosedError(checkpoint.key, checkpoint.status);
    const response = checkpoint.response ?? {};
    // Every checkpoint accepts {action: "cancel"} (docs/workflow.md, Checkpoints); the runner turns this into
    // `cancelled`.
    if (response.action === "cancel") throw new CancelledError(`Cancelled at checkpoint ${checkpoint.key}`);
    return response as T;
  }

  private createCheckpoint(key: string, request: CheckpointRequest): Promise<CheckpointRecord> {
    const deadline = new Date(Date.now() + this.deps.checkpointTimeoutMs);
    const { type, prompt } = request;
    return this.deps.checkpoints.create({ jobId: this.job.id, key, type, prompt, deadline });
  }

  /**
   * Puts the job in its waiting status if the checkpoint is still pending, with its hitl_required event, and lets go
   * of the lease (a waiting job holds nothing), in one write; false when the checkpoint was no longer pending.
   */
  private async waitAt(checkpoint: CheckpointRecord, request: CheckpointRequest): Promise<boolean> {
    const required = this.stamp({
      type: "hitl_required",
      message: `Waiting for ${checkpoint.type}`,
      data: {
        checkpointId: checkpoint.id,
        key: checkpoint.key,
        type: checkpoint.type,
        prompt: checkpoint.prompt,
        deadline: checkpoint.deadline.toISOString(),
        status: request.waits,
      },
    });
    try {
      await this.writes.write({
        checkpoint: { kind: "wait", id: checkpoint.id },
        set: { status: request.waits, releaseLease: true },
        events: [required],
      });
      return true;
    } catch (error) {
      if (error instanceof ReleaseSignal) return false;
      throw error;
    }
  }
}
