import type { EventLog } from "./event-log";
import type { JobStore, LockedJob } from "./job-store";
import type { CheckpointRepository, JobRepository } from "./repositories/contracts";
import { isTerminal, type JobRecord } from "./types";
import type { WorkflowOutcome } from "./workflow";

/**
 * The job's start and its terminal transitions. Each runs under the job's lock and checks the current status
 * first, so a job finishes once, whatever races (a cancel against a completion, an expiry against an answer).
 * The terminal event is stored before the status changes and published after it (EventLog.appendSettled), so
 * a reader that sees a finished job finds the closing event in the log, and a subscriber that hears the closing
 * event and reads the job sees it finished.
 */
export class JobLifecycle {
  constructor(
    private readonly store: JobStore,
    private readonly events: EventLog,
    private readonly jobs: JobRepository,
    private readonly checkpoints: CheckpointRepository,
  ) {}

  markRunning(jobId: string): Promise<JobRecord> {
    return this.store.update(jobId, (job) =>
      job.status === "pending" || job.status === "running"
        ? { status: "running", startedAt: job.startedAt ?? new Date() }
        : null,
    );
  }

  complete(jobId: string, outcome: WorkflowOutcome): Promise<boolean> {
    const status = outcome.status ?? "completed";
    return this.finish(jobId, async (job, current) => {
      await this.closePhase(current);
      await this.events.appendSettled(
        jobId,
        { type: "completed", phase: current.phase, message: `Job ${status}`, data: { status } },
        () =>
          job.update(() => ({
            status,
            result: outcome.result,
            progress: 100,
            completedAt: new Date(),
          })),
      );
    });
  }

  fail(jobId: string, reason: string): Promise<boolean> {
    return this.finish(jobId, async (job, current) => {
      await this.checkpoints.settleAllPending(jobId, "superseded");
      await this.events.appendSettled(
        jobId,
        { type: "failed", phase: current.phase, message: reason, data: { error: reason } },
        () => job.update(() => ({ status: "failed", error: reason, completedAt: new Date() })),
      );
    });
  }

  /** Cancels a job this runner holds (its lease keeps others away). */
  cancel(jobId: string): Promise<boolean> {
    return this.finish(jobId, async (job, current) => {
      await this.checkpoints.settleAllPending(jobId, "cancelled");
      await this.events.appendSettled(
        jobId,
        { type: "cancelled", phase: current.phase, message: "Cancelled by user", data: {} },
        () => job.update(() => ({ status: "cancelled", cancelRequested: true, completedAt: new Date() })),
      );
    });
  }

  /** Cancels a job nobody runs right now (waiting at a checkpoint, or queued); false if a runner holds it. */
  cancelIdle(jobId: string): Promise<boolean> {
    return this.store.withLock(jobId, async () => {
      const row = await this.jobs.cancelIfIdle(jobId);
      if (!row) return false;
      this.store.remember(row);
      await this.checkpoints.settleAllPending(jobId, "cancelled");
      await this.events.append(jobId, { type: "cancelled", phase: row.phase, message: "Cancelled by user", data: {} });
      return true;
    });
  }

  private finish(jobId: string, apply: (job: LockedJob, current: JobRecord) => Promise<void>): Promise<boolean> {
    return this.store.withLock(jobId, async (job) => {
      const current = await job.current();
      if (isTerminal(current.status)) return false;
      await apply(job, current);
      return true;
    });
  }

  private async closePhase(current: JobRecord): Promise<void> {
    if (current.phase)
      await this.events.append(current.id, {
        type: "phase_end",
        phase: current.phase,
        message: current.phase,
        data: {},
      });
  }
}
