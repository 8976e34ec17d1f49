import { Semaphore } from "async-mutex";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { errorMessage } from "../common/errors";
import { createWorkflowContext, type EngineDeps } from "./engine";
import { CancelledError, ReleaseSignal, SuspendSignal, controlSignal } from "./signals";
import type { JobLifecycle } from "./job-lifecycle";
import type { Repositories } from "./repositories/contracts";
import { isTerminal, type JobRecord } from "./types";
import type { WorkflowLookup } from "./workflow";

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
  log: Logger;
  workflows: WorkflowLookup;
}

/**
 * Runs jobs (docs/architecture.md, The durable engine): a queue behind a semaphore (at most maxConcurrent at once),
 * each run under a database lease (claimed with a conditional update, renewed by heartbeat, released when the run
 * stops), so one job runs on one runner even with several servers on one database. At start-up and on every sweep it
 * picks up runnable jobs whose lease expired (a crashed or stopped server) and expires overdue checkpoints.
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
    await this.sweep();
    this.sweepTimer = setInterval(() => void this.sweep(), this.options.sweepMs ?? this.options.leaseMs);
    this.sweepTimer.unref();
  }

  /** Stops taking work, aborts running jobs (they keep their status and resume elsewhere) and waits for them. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.sweepTimer);
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
        if (!this.stopping) await this.execute(jobId);
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

  isActive(jobId: string): boolean {
    return this.active.has(jobId) || this.queued.has(jobId);
  }

  /** Expires overdue checkpoints and queues runnable jobs nobody holds. */
  async sweep(): Promise<void> {
    try {
      await this.expireCheckpoints();
      const ids = await this.deps.repos.jobs.findResumable(this.options.maxConcurrent * 4);
      for (const id of ids) this.enqueue(id);
    } catch (error) {
      this.deps.log.warn({ err: errorMessage(error) }, "sweep failed");
    }
  }

  private async expireCheckpoints(): Promise<void> {
    const overdue = await this.deps.repos.checkpoints.findOverdue(new Date(), 100);
    for (const checkpoint of overdue) {
      if (!(await this.deps.repos.checkpoints.settleIfPending(checkpoint.id, "expired"))) continue;
      const reason = `Checkpoint '${checkpoint.type}' was not answered before its deadline (${checkpoint.deadline.toISOString()})`;
      await this.deps.lifecycle.fail(checkpoint.jobId, reason);
    }
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
    try {
      this.deps.engine.store.remember(claimed);
      await this.runClaimed(claimed, controller.signal);
    } finally {
      clearInterval(heartbeat);
      this.active.delete(jobId);
      await this.deps.repos.jobs.releaseLease(jobId, this.id);
    }
    await this.requeueIfRunnable(jobId);
  }

  private async runClaimed(claimed: JobRecord, signal: AbortSignal): Promise<void> {
    const { lifecycle } = this.deps;
    try {
      if (claimed.cancelRequested) throw new CancelledError();
      const workflow = this.deps.workflows(claimed.workflow);
      if (!workflow) throw new Error(`Unknown workflow '${claimed.workflow}'`);
      const job = await lifecycle.markRunning(claimed.id);
      const outcome = await workflow.run(createWorkflowContext(this.deps.engine, job, signal));
      await lifecycle.complete(claimed.id, outcome);
    } catch (error) {
      await this.settle(claimed.id, error, signal);
    }
  }

  private async settle(jobId: string, error: unknown, signal: AbortSignal): Promise<void> {
    const control = controlSignal(error, signal);
    // A cancel that lands while the job suspends still wins: the abort reason says so even if the error does not.
    if (control instanceof CancelledError || signal.reason instanceof CancelledError) {
      await this.deps.lifecycle.cancel(jobId);
      return;
    }
    if (control instanceof SuspendSignal || control instanceof ReleaseSignal) return;
    this.deps.log.warn({ jobId, err: errorMessage(error) }, "job failed");
    await this.deps.lifecycle.fail(jobId, errorMessage(error));
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
