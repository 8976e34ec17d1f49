import { Semaphore } from "async-mutex";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { errorMessage } from "../common/errors";
import { inBackground } from "../common/work-priority";
import { recordJobRun, watchRunner, type JobRunOutcome } from "../observability/job-metrics";
import { createWorkflowContext, type EngineDeps } from "./engine";
import { CancelledError, ReleaseSignal, SuspendSignal, controlSignal } from "./signals";
import type { JobLifecycle } from "./job-lifecycle";
import type { JobWriter } from "./job-writer";
import type { Repositories } from "./repositories/contracts";
import { isTerminal, type ClaimedJob, type NewEvent } from "./types";
import type { WorkflowLookup } from "./workflow";

/** How many overdue checkpoints and interrupted jobs one sweep handles (the next sweep takes the rest). */
const SWEEP_BATCH = 100;

/** The event an applied answer stores (also what the repair of a lost one writes). */
export function answeredEvent(checkpointId: string, type: string): NewEvent {
  return { type: "hitl_answered", message: `Answered ${type}`, data: { checkpointId, type } };
}

export interface RunnerOptions {
  /** Lease owner id; unique per process (several servers may share one database). */
  id?: string;
  maxConcurrent: number;
  leaseMs: number;
  /** How often held leases are renewed (and cancel requests from other servers noticed); default leaseMs / 3. */
  heartbeatMs?: number;
  /** How often overdue checkpoints are expired and orphaned jobs picked up; default leaseMs. */
  sweepMs?: number;
}

export interface RunnerDeps {
  repos: Repositories;
  engine: EngineDeps;
  lifecycle: JobLifecycle;
  writer: JobWriter;
  log: Logger;
  workflows: WorkflowLookup;
}

/**
 * Runs jobs (docs/architecture.md, The durable engine): a queue behind a semaphore (at most maxConcurrent at once),
 * each run under a database lease (claimed with a conditional update, renewed by heartbeat, released when the run
 * stops), so one job runs on one runner even with several servers on one database. At start-up and on every sweep it
 * expires overdue checkpoints, repairs what a crash may have left half-changed (docs/architecture.md, Crash safety)
 * and picks up runnable jobs whose lease expired (a crashed or stopped server).
 */
export class JobRunner {
  readonly id: string;
  private readonly semaphore: Semaphore;
  private readonly queued = new Set<string>();
  private readonly active = new Map<string, AbortController>();
  private readonly runs = new Set<Promise<void>>();
  private sweepTimer: NodeJS.Timeout | undefined;
  private stopping = false;
  private started = false;
  private unwatch: (() => void) | undefined;
  private lastSweepAt: number | null = null;

  constructor(
    private readonly deps: RunnerDeps,
    private readonly options: RunnerOptions,
  ) {
    this.id = options.id ?? `runner-${randomUUID()}`;
    this.semaphore = new Semaphore(options.maxConcurrent);
  }

  /** Resumes every job whose lease expired, then sweeps periodically. */
  async start(): Promise<void> {
    this.stopping = false;
    this.started = true;
    this.unwatch ??= watchRunner(this.id, () => ({
      queued: this.queued.size,
      active: this.active.size,
      slots: this.options.maxConcurrent,
    }));
    await this.sweep();
    this.sweepTimer = setInterval(() => void this.sweep(), this.options.sweepMs ?? this.options.leaseMs);
    this.sweepTimer.unref();
  }

  /** Stops taking work, aborts running jobs (they keep their status and resume elsewhere) and waits for them. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.sweepTimer);
    this.unwatch?.();
    this.unwatch = undefined;
    for (const controller of this.active.values()) controller.abort(new ReleaseSignal("runner stopped"));
    await Promise.allSettled([...this.runs]);
  }

  /** Queues a job to run here (no-op if it is already queued or running here, or this runner is not started). */
  enqueue(jobId: string): void {
    if (!this.started || this.stopping || this.queued.has(jobId) || this.active.has(jobId)) return;
    this.queued.add(jobId);
    const run = this.semaphore
      .runExclusive(async () => {
        this.queued.delete(jobId);
        if (!this.stopping) await inBackground(() => this.execute(jobId));
      })
      .catch((error: unknown) => this.deps.log.error({ jobId, err: errorMessage(error) }, "job run crashed"))
      .finally(() => this.runs.delete(run));
    this.runs.add(run);
  }

  /** Aborts the job if it runs here; true when it did. */
  abortLocal(jobId: string): boolean {
    const controller = this.active.get(jobId);
    controller?.abort(new CancelledError());
    return controller !== undefined;
  }

  /**
   * For readiness (/api/ready): started and not stopping, and when its last sweep ended. A sweep that failed still
   * counts as one: readiness asks whether the runner's loop turns, the database has its own check.
   */
  health(): { running: boolean; lastSweepAt: number | null; sweepMs: number } {
    const sweepMs = this.options.sweepMs ?? this.options.leaseMs;
    return { running: this.started && !this.stopping, lastSweepAt: this.lastSweepAt, sweepMs };
  }

  isActive(jobId: string): boolean {
    return this.active.has(jobId) || this.queued.has(jobId);
  }

  /** Expires overdue checkpoints, repairs interrupted jobs and queues runnable jobs nobody holds. */
  sweep(): Promise<void> {
    return inBackground(() => this.sweepOnce());
  }

  private async sweepOnce(): Promise<void> {
    try {
      await this.expireCheckpoints();
      await this.repairInterrupted();
      const ids = await this.deps.repos.jobs.findResumable(this.options.maxConcurrent * 4);
      for (const id of ids) this.enqueue(id);
    } catch (error) {
      this.deps.log.warn({ err: errorMessage(error) }, "sweep failed");
    } finally {
      this.lastSweepAt = Date.now();
    }
  }

  private async expireCheckpoints(): Promise<void> {
    const overdue = await this.deps.repos.checkpoints.findOverdue(new Date(), SWEEP_BATCH);
    for (const checkpoint of overdue) await this.deps.lifecycle.expire(checkpoint);
  }

  /**
   * The repairs of docs/architecture.md, Crash safety, each one guarded write: a terminal event in the log settles
   * the status; an answer without its hitl_answered event gets it; a job waiting without an open checkpoint runs
   * again (it replays to its checkpoint: answered, it goes on; closed, it fails; missing, it asks again).
   */
  private async repairInterrupted(): Promise<void> {
    const { repos, lifecycle, writer } = this.deps;
    const found = await repos.jobs.findInterrupted(new Date(), SWEEP_BATCH);
    for (const closed of found.closedInLog)
      if (closed.type !== "completed") await lifecycle.settleFromLog(closed.jobId, { ...closed, type: closed.type });
    for (const answer of found.unannouncedAnswers)
      await writer.record(answer.jobId, () => ({
        events: [answeredEvent(answer.checkpointId, answer.type)],
        guard: { unfinished: true },
      }));
    for (const jobId of found.waitingWithoutCheckpoint)
      await writer.record(jobId, () => ({
        set: { status: "running" },
        guard: { statusIn: ["pending_user_input", "pending_hitl"], noOpenCheckpoint: true },
      }));
  }

  private async execute(jobId: string): Promise<void> {
    const claimed = await this.deps.repos.jobs.claim(jobId, this.id, this.options.leaseMs);
    if (!claimed) return;
    const controller = new AbortController();
    this.active.set(jobId, controller);
    const heartbeat = setInterval(
      () => void this.beat(jobId, controller),
      this.options.heartbeatMs ?? Math.max(50, this.options.leaseMs / 3),
    );
    let finished = false;
    try {
      this.deps.engine.store.remember(claimed.job);
      finished = await this.runClaimed(claimed, controller.signal);
    } finally {
      clearInterval(heartbeat);
      this.active.delete(jobId);
      // A finished job's last write let go of the lease already; anything else lets go of it here.
      if (!finished) await this.deps.repos.jobs.releaseLease(jobId, this.id);
    }
    if (!finished) await this.requeueIfRunnable(jobId);
  }

  /** Runs the workflow; true when the run finished the job (its terminal write also released the lease). */
  private async runClaimed(claimed: ClaimedJob, signal: AbortSignal): Promise<boolean> {
    const { job } = claimed;
    const started = performance.now();
    let outcome: JobRunOutcome = "completed";
    try {
      if (job.cancelRequested) throw new CancelledError();
      const workflow = this.deps.workflows(job.workflow);
      if (!workflow) throw new Error(`Unknown workflow '${job.workflow}'`);
      const result = await workflow.run(createWorkflowContext(this.deps.engine, job, signal, claimed));
      return await this.deps.lifecycle.complete(job.id, result, this.id);
    } catch (error) {
      outcome = runOutcome(error, signal);
      return this.settle(job.id, error, outcome);
    } finally {
      recordJobRun(job.workflow, outcome, (performance.now() - started) / 1000);
    }
  }

  private async settle(jobId: string, error: unknown, outcome: JobRunOutcome): Promise<boolean> {
    if (outcome === "cancelled") return this.deps.lifecycle.cancel(jobId);
    if (outcome === "suspended" || outcome === "released") return false;
    this.deps.log.warn({ jobId, err: errorMessage(error) }, "job failed");
    return this.deps.lifecycle.fail(jobId, errorMessage(error));
  }

  private async beat(jobId: string, controller: AbortController): Promise<void> {
    try {
      const lease = await this.deps.repos.jobs.renewLease(jobId, this.id, this.options.leaseMs);
      if (!lease.held) controller.abort(new ReleaseSignal("lease lost to another runner"));
      else if (lease.cancelRequested) controller.abort(new CancelledError());
    } catch (error) {
      this.deps.log.warn({ jobId, err: errorMessage(error) }, "lease renewal failed");
    }
  }

  /**
   * While we still held the lease, an answer's claim or a cancel's idle path may have failed: after releasing
   * it we finish the cancel, or queue the job again.
   */
  private async requeueIfRunnable(jobId: string): Promise<void> {
    if (this.stopping) return;
    const job = await this.deps.engine.store.refresh(jobId);
    if (!job || isTerminal(job.status)) return;
    if (job.cancelRequested) await this.deps.lifecycle.cancelIdle(jobId);
    else if (job.status === "pending" || job.status === "running") this.enqueue(jobId);
  }
}

/** How a run that threw ended. A cancel that lands while the job suspends still wins: the abort reason says so. */
function runOutcome(error: unknown, signal: AbortSignal): JobRunOutcome {
  const control = controlSignal(error, signal);
  if (control instanceof CancelledError || signal.reason instanceof CancelledError) return "cancelled";
  if (control instanceof SuspendSignal) return "suspended";
  if (control instanceof ReleaseSignal) return "released";
  return "failed";
}
