import { KeyedLock } from "../common/keyed-lock";
import type { EventBus } from "./event-bus";
import type { EventRepository } from "./repositories/contracts";
import type { JobEventRecord, NewEvent } from "./types";

/** At most ~10 token events per second per job (SPEC §5). */
export const TOKEN_FLUSH_MS = 100;

interface TokenBuffer {
  text: string;
  phase: string | null;
  timer: NodeJS.Timeout;
}

/**
 * The job event log: every stored event gets the next seq of its job, then goes to live subscribers. Appends
 * of one job are serialised by a per-job lock, and publishing happens inside it, so live delivery order equals
 * seq order (SPEC §4 guarantee 6). Its lock is separate from the job store's: state changes may emit events
 * while holding the job's state lock (order: state lock, then event lock; never the reverse).
 */
export class EventLog {
  private readonly locks = new KeyedLock();
  private readonly tokens = new Map<string, TokenBuffer>();

  constructor(
    private readonly repo: EventRepository,
    readonly bus: EventBus,
  ) {}

  append(jobId: string, event: NewEvent): Promise<JobEventRecord> {
    return this.locks.run(jobId, async () => {
      const stored = await this.repo.append(jobId, event);
      this.bus.publish(stored);
      return stored;
    });
  }

  /**
   * Stores `event`, then runs `settle` (the state change the event announces), then publishes it: a subscriber
   * that hears a terminal event and reads the job sees the new status, and a reader that sees the new status
   * finds the event in the log. Runs under the job's event lock, so delivery stays in seq order.
   */
  appendSettled(jobId: string, event: NewEvent, settle: () => Promise<unknown>): Promise<JobEventRecord> {
    return this.locks.run(jobId, async () => {
      const stored = await this.repo.append(jobId, event);
      await settle();
      this.bus.publish(stored);
      return stored;
    });
  }

  after(jobId: string, afterSeq: number): Promise<JobEventRecord[]> {
    return this.repo.listAfter(jobId, afterSeq);
  }

  /** Streams model output: buffered and published at most every TOKEN_FLUSH_MS, never stored. */
  token(jobId: string, text: string, phase: string | null): void {
    const buffer = this.tokens.get(jobId);
    if (buffer) {
      buffer.text += text;
      buffer.phase = phase;
      return;
    }
    const timer = setTimeout(() => this.flushTokens(jobId), TOKEN_FLUSH_MS);
    this.tokens.set(jobId, { text, phase, timer });
  }

  /** Publishes buffered tokens now (before a step ends, so text never arrives after its step_end). */
  flushTokens(jobId: string): void {
    const buffer = this.tokens.get(jobId);
    if (!buffer) return;
    clearTimeout(buffer.timer);
    this.tokens.delete(jobId);
    this.bus.publish({ jobId, type: "token", phase: buffer.phase, text: buffer.text, createdAt: new Date() });
  }

  get pendingTokenBuffers(): number {
    return this.tokens.size;
  }
}
