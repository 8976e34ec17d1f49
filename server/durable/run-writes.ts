import type { JobWriter } from "./job-writer";
import { ReleaseSignal } from "./signals";
import type { JobChange, JobColumns, JobGuard, NewEvent, StepWrite } from "./types";

/** A change of the running job, before the run's guard is added. */
export type RunChange = Omit<JobChange, "guard">;

/** How long a step's start waits to be written: a step done by then is written once, started and finished. */
export const START_GRACE_MS = 25;

const isEmpty = (change: RunChange): boolean =>
  !change.events?.length && !change.steps?.length && !change.checkpoint && Object.keys(change.set ?? {}).length === 0;

function merge(first: RunChange, then: RunChange): RunChange {
  return {
    events: [...(first.events ?? []), ...(then.events ?? [])],
    set: { ...first.set, ...then.set },
    steps: [...(first.steps ?? []), ...(then.steps ?? [])],
    ...(then.checkpoint ? { checkpoint: then.checkpoint } : {}),
  };
}

/**
 * The writes of one run (docs/performance.md, Where a job's time goes). Phase changes and progress moves announced as
 * a step begins are held and go in with the run's next write, whichever step makes it, so they are stored in the
 * order they happened and cost no statement of their own. Every write carries the run's guard: a write the job no
 * longer accepts (it finished, or another runner took it) stops the run.
 */
export class RunWrites {
  private pending: RunChange = {};

  constructor(
    private readonly writer: JobWriter,
    private readonly jobId: string,
    private readonly guard: JobGuard,
  ) {}

  /** Holds events, columns and steps for the next write. */
  hold(part: { events?: NewEvent[]; set?: JobColumns; steps?: StepWrite[] }): void {
    this.pending = merge(this.pending, part);
  }

  /** Writes `change` with everything held, in one statement; nothing to write costs nothing. */
  async write(change: RunChange): Promise<void> {
    let empty = false;
    const recorded = await this.writer.record(this.jobId, () => {
      const merged = merge(this.pending, change);
      this.pending = {};
      empty = isEmpty(merged);
      return empty ? null : { ...merged, guard: this.guard };
    });
    if (!recorded && !empty) throw this.lost();
  }

  lost(): ReleaseSignal {
    return new ReleaseSignal(`job ${this.jobId} finished or was taken over while this run wrote to it`);
  }

  /** A step's start, written after START_GRACE_MS, or with the step's end if that comes first. */
  startLater(start: RunChange): PendingStart {
    return new PendingStart(this, start);
  }
}

export class PendingStart {
  private readonly timer: NodeJS.Timeout;
  private written: Promise<void> | undefined;

  constructor(
    private readonly writes: RunWrites,
    private readonly start: RunChange,
  ) {
    // A failed write stops the run; finish() (always awaited) reports it.
    this.timer = setTimeout(() => void this.flush().catch(() => undefined), START_GRACE_MS);
  }

  /** Writes the start now (a step streaming tokens: its text must not arrive before its start). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.written ??= this.writes.write(this.start);
    return this.written;
  }

  /** Writes the step's end: after its start, or together with it, counted as started, if it was not written yet. */
  async finish(end: RunChange): Promise<void> {
    clearTimeout(this.timer);
    if (this.written) {
      await this.written;
      return this.writes.write(end);
    }
    this.written = Promise.resolve();
    const steps = (end.steps ?? []).map((step): StepWrite =>
      step.status === "running" ? step : { ...step, started: true },
    );
    return this.writes.write({ ...merge(this.start, { ...end, steps: [] }), steps });
  }
}
