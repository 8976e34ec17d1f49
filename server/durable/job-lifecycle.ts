import type { ChangeDecision, JobWriter } from "./job-writer";
import type { CheckpointRecord, JobGuard, JobRecord, NewEvent } from "./types";
import type { WorkflowOutcome } from "./workflow";

/**
 * A job's terminal transitions. Each is ONE write (docs/architecture.md, Crash safety): the status, the closing
 * event, the settled checkpoints and the released lease go in together, only while the job is unfinished, and the
 * closing event only if the log has none yet. So a job finishes once whatever races (a cancel against a completion,
 * an expiry against an answer) or crashes, and a reader that sees it finished finds its closing event, and the
 * reverse. A cancel requested before the end wins: every other ending is refused once it was (docs/architecture.md,
 * Guarantees 8).
 */
export class JobLifecycle {
  constructor(private readonly writer: JobWriter) {}

  /**
   * The run's own completion: only while `runner` still holds the lease. A job whose cancel was requested (on any
   * server) ends cancelled instead.
   */
  async complete(jobId: string, outcome: WorkflowOutcome, runner: string): Promise<boolean> {
    const status = outcome.status ?? "completed";
    const guard = { leaseOwner: runner };
    return this.finishUnlessCancelled(jobId, guard, (current) => ({
      events: [
        ...phaseEnd(current),
        { type: "completed", phase: current.phase, message: `Job ${status}`, data: { status } },
      ],
      set: { status, result: outcome.result, progress: 100, completed: true, releaseLease: true },
      guard: { unfinished: true, ...guard },
    }));
  }

  /** The run failed; a job whose cancel was requested ends cancelled instead. */
  fail(jobId: string, reason: string): Promise<boolean> {
    return this.finishUnlessCancelled(jobId, {}, (current) => ({
      events: [{ type: "failed", phase: current.phase, message: reason, data: { error: reason } }],
      set: { status: "failed", error: reason, completed: true, releaseLease: true },
      checkpoint: { kind: "settleAll", status: "superseded" },
      guard: { unfinished: true },
    }));
  }

  /**
   * An unanswered checkpoint past its deadline fails its job, in the same write that expires it (a job whose cancel
   * was requested ends cancelled instead).
   */
  expire(checkpoint: CheckpointRecord): Promise<boolean> {
    const reason = `Checkpoint '${checkpoint.type}' was not answered before its deadline (${checkpoint.deadline.toISOString()})`;
    // Nobody runs a job that waits at a checkpoint: a cancel in its place is the idle one.
    return this.finishUnlessCancelled(checkpoint.jobId, { leaseFreeAt: new Date() }, (current) => ({
      events: [{ type: "failed", phase: current.phase, message: reason, data: { error: reason } }],
      set: { status: "failed", error: reason, completed: true, releaseLease: true },
      checkpoint: { kind: "expire", id: checkpoint.id },
      guard: { unfinished: true },
    }));
  }

  /** Cancels a job this runner holds (its lease keeps others away). */
  cancel(jobId: string): Promise<boolean> {
    return this.finish(jobId, cancelled({ unfinished: true }));
  }

  /** Cancels a job nobody runs right now (waiting at a checkpoint, or queued); false if a runner holds it. */
  cancelIdle(jobId: string): Promise<boolean> {
    return this.finish(jobId, cancelled({ unfinished: true, leaseFreeAt: new Date() }));
  }

  /**
   * A terminal event a crash left in the log without its status (docs/architecture.md, Crash safety): the status
   * follows the event; no second event is written.
   */
  settleFromLog(jobId: string, closing: { type: "failed" | "cancelled"; message: string }): Promise<boolean> {
    return this.finish(jobId, () => ({
      set: {
        status: closing.type,
        ...(closing.type === "failed" ? { error: closing.message } : { cancelRequested: true }),
        completed: true,
      },
      checkpoint: { kind: "settleAll", status: closing.type === "failed" ? "superseded" : "cancelled" },
      guard: { unfinished: true, leaseFreeAt: new Date() },
    }));
  }

  /**
   * Ends the job as `decide` says only while no cancel is requested: the condition is part of the ending's one
   * statement, so whichever of the cancel request and the ending reaches the job row first wins, on any server (a
   * check before the write would leave a window between the two). Refused for that reason, the job ends cancelled,
   * under the same `guard`; so it holds one terminal event, the cancelled one.
   */
  private async finishUnlessCancelled(jobId: string, guard: JobGuard, decide: ChangeDecision): Promise<boolean> {
    const unlessCancelled: ChangeDecision = (current) => {
      const change = decide(current);
      return change && { ...change, guard: { ...change.guard, cancelRequested: false } };
    };
    if (await this.finish(jobId, unlessCancelled)) return true;
    return this.finish(jobId, cancelled({ ...guard, unfinished: true, cancelRequested: true }));
  }

  private async finish(jobId: string, decide: ChangeDecision): Promise<boolean> {
    return (await this.writer.record(jobId, decide)) !== null;
  }
}

function phaseEnd(current: JobRecord): NewEvent[] {
  return current.phase ? [{ type: "phase_end", phase: current.phase, message: current.phase, data: {} }] : [];
}

function cancelled(guard: JobGuard & { unfinished: true }): ChangeDecision {
  return (current) => ({
    events: [{ type: "cancelled", phase: current.phase, message: "Cancelled by user", data: {} }],
    set: { status: "cancelled", cancelRequested: true, completed: true, releaseLease: true },
    checkpoint: { kind: "settleAll", status: "cancelled" },
    guard,
  });
}
