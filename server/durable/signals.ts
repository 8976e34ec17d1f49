/**
 * Control-flow signals of the step engine. They are thrown through workflow code and caught by the runner;
 * workflows should let them pass (never swallow them in a catch-all).
 */

/** The job waits at a checkpoint: the run stops here and nothing stays in memory. */
export class SuspendSignal extends Error {
  constructor(readonly checkpointId: string) {
    super(`Waiting for checkpoint ${checkpointId}`);
    this.name = "SuspendSignal";
  }
}

/** The user cancelled the job (jobs.cancel, or a checkpoint answered with action "cancel"). */
export class CancelledError extends Error {
  constructor(message = "Cancelled by user") {
    super(message);
    this.name = "CancelledError";
  }
}

/** This runner stops (server shutdown) or lost the job's lease: leave the job as it is for another run. */
export class ReleaseSignal extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "ReleaseSignal";
  }
}

/** A checkpoint that can no longer be answered (expired, cancelled, superseded). */
export class CheckpointClosedError extends Error {
  constructor(key: string, status: string) {
    super(`Checkpoint ${key} is ${status}`);
    this.name = "CheckpointClosedError";
  }
}

/** The reason the job's AbortSignal carries, or the error itself, as one of our signals. */
export function controlSignal(
  error: unknown,
  signal?: AbortSignal,
): SuspendSignal | CancelledError | ReleaseSignal | null {
  if (error instanceof SuspendSignal || error instanceof CancelledError || error instanceof ReleaseSignal) return error;
  const reason: unknown = signal?.aborted ? signal.reason : undefined;
  return reason instanceof CancelledError || reason instanceof ReleaseSignal ? reason : null;
}
