import type { EventLog } from "./event-log";
import type { JobStore } from "./job-store";
import type { JobRepository } from "./repositories/contracts";
import type { JobChange, JobRecord, RecordedChange } from "./types";

/** Decides a change from the job as this process last wrote it; null = nothing to write. */
export type ChangeDecision = (current: JobRecord) => JobChange | null;

/**
 * The one way the engine changes a job (docs/performance.md): under the job's event lock the change is decided from
 * the cached job, written in ONE statement (row, events, steps, checkpoint), the new row is cached and the events are
 * published. The row comes back from that statement, so nothing is read again after it is written. Null when there
 * was nothing to write or the job no longer satisfied the change's guard (then the cache is refreshed).
 */
export class JobWriter {
  constructor(
    private readonly store: JobStore,
    private readonly events: EventLog,
    private readonly repo: JobRepository,
  ) {}

  record(jobId: string, decide: ChangeDecision): Promise<RecordedChange | null> {
    return this.events.exclusive(jobId, async () => {
      const change = decide(await this.store.require(jobId));
      if (!change) return null;
      const recorded = await this.repo.record(jobId, change, this.events.origin);
      if (!recorded) {
        await this.store.refresh(jobId);
        return null;
      }
      this.store.remember(recorded.job);
      this.events.publishStored(recorded.events);
      return recorded;
    });
  }
}
