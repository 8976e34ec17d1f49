import { KeyedLock } from "../common/keyed-lock";
import type { EventBus } from "./event-bus";
import type { EventRepository } from "./repositories/contracts";
import type { JobEventRecord, NewEvent } from "./types";

/** At most ~10 token events per second per job (docs/architecture.md, Events). */
export const TOKEN_FLUSH_MS = 100;

/** How long a quiet subscriber waits to re-read the log for events another server wrote, while the relay is down… */
const POLL_MS = 1_000;
/**
 * …and otherwise: when the relay brings other servers' events live, or when there are no other servers (the embedded
 * database is one process by construction), the re-read is only a safety net. Every idle subscriber re-reading each
 * second was a steady load on the embedded database's one connection (docs/performance.md).
 */
const SAFETY_NET_POLL_MS = 10_000;

/** What the log needs from the cross-server relay (see EventRelay). */
export interface CrossServerLink {
  readonly origin: string;
  readonly live: boolean;
}

interface TokenBuffer {
  text: string;
  phase: string | null;
  timer: NodeJS.Timeout;
  reset: boolean;
}

/**
 * The job event log: every stored event gets the next seq of its job, then goes to live subscribers. Appends of one job
 * are serialised by a per-job lock, and publishing happens inside it, so live delivery order equals seq order
 * (docs/architecture.md, guarantee 6). Its lock is separate from the job store's: state changes may emit events while
 * holding the job's state lock (order: state lock, then event lock; never the reverse).
 */
export class EventLog {
  private readonly locks = new KeyedLock();
  private readonly tokens = new Map<string, TokenBuffer>();

  constructor(
    private readonly repo: EventRepository,
    readonly bus: EventBus,
    /** Set on PostgreSQL: appends are announced to other servers under this server's origin. */
    private readonly relay?: CrossServerLink,
  ) {}

  /** How long a subscriber hearing nothing waits before re-reading the log (see streamJobEvents). */
  get quietPollMs(): number {
    return !this.relay || this.relay.live ? SAFETY_NET_POLL_MS : POLL_MS;
  }

  append(jobId: string, event: NewEvent): Promise<JobEventRecord> {
    return this.locks.run(jobId, async () => {
      const stored = await this.repo.append(jobId, event, this.relay?.origin);
      this.bus.publish(stored);
      return stored;
    });
  }

  /**
   * Runs `fn` holding the job's event lock: every write of one job's events in this process goes through it, so
   * publishing in the order of the writes is publishing in seq order (see JobWriter).
   */
  exclusive<T>(jobId: string, fn: () => Promise<T>): Promise<T> {
    return this.locks.run(jobId, fn);
  }

  /** Publishes events just stored (in seq order) to this server's subscribers. */
  publishStored(events: readonly JobEventRecord[]): void {
    for (const event of events) this.bus.publish(event);
  }

  /** The origin under which this server announces its writes to the others (PostgreSQL with a relay only). */
  get origin(): string | undefined {
    return this.relay?.origin;
  }

  after(jobId: string, afterSeq: number): Promise<JobEventRecord[]> {
    return this.repo.listAfter(jobId, afterSeq);
  }

  /**
   * Streams model output: buffered and published at most every TOKEN_FLUSH_MS, never stored. `reset`: the text
   * streamed so far for the step is void (the model is asked again); what is still buffered is dropped with it.
   */
  token(jobId: string, text: string, phase: string | null, reset = false): void {
    const buffer = this.tokens.get(jobId);
    if (buffer) {
      buffer.text = reset ? text : buffer.text + text;
      buffer.reset ||= reset;
      buffer.phase = phase;
      return;
    }
    const timer = setTimeout(() => this.flushTokens(jobId), TOKEN_FLUSH_MS);
    this.tokens.set(jobId, { text, phase, timer, reset });
  }

  /** Publishes buffered tokens now (before a step ends, so text never arrives after its step_end). */
  flushTokens(jobId: string): void {
    const buffer = this.tokens.get(jobId);
    if (!buffer) return;
    clearTimeout(buffer.timer);
    this.tokens.delete(jobId);
    const { phase, text, reset } = buffer;
    this.bus.publish({ jobId, type: "token", phase, text, createdAt: new Date(), ...(reset ? { reset } : {}) });
  }

  get pendingTokenBuffers(): number {
    return this.tokens.size;
  }
}
