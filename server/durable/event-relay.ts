import { randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Logger } from "pino";
import { KeyedLock } from "../common/keyed-lock";
import { listenForNotifications, type NotificationListener } from "../db/notification-listener";
import type { EventBus } from "./event-bus";
import { EVENT_CHANNEL, type EventAnnouncement, type EventRepository } from "./repositories/contracts";
import { TERMINAL_EVENTS, type JobEventRecord } from "./types";

export interface EventRelayOptions {
  /** The PostgreSQL server the app servers share (PGlite is one process: no relay there). */
  url: string;
  connectTimeoutMs?: number;
  /** Reconnection backoff of the LISTEN connection. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/** The LISTEN connection's application_name in pg_stat_activity. */
export const RELAY_APPLICATION_NAME = "skill-fleet-event-relay";

/** How many jobs' last relayed seq we remember (older entries just cost one extra read when they come back). */
const KNOWN_JOBS = 10_000;

/**
 * Carries stored events between app servers sharing one PostgreSQL (docs/decisions/0003-listen-notify-relay.md). Every
 * append announces `{ jobId, seq, origin }` on EVENT_CHANNEL (see EventLog); this relay LISTENs on one dedicated
 * connection, ignores its own origin and jobs nobody here listens to, reads the announced events from the log (one
 * batch after the last seq it relayed for the job) and publishes them on the local bus. Delivery is at least once:
 * subscribers' streams skip seqs they already sent and back-fill gaps from the log. Token events are never stored, so
 * they stay on the server that produced them.
 */
export class EventRelay {
  /** This server's id in announcements (several job systems in one test process are several servers). */
  readonly origin = `server-${randomUUID()}`;
  private listener: NotificationListener | undefined;
  private starting: Promise<void> | undefined;
  private readonly relayed = new LRUCache<string, number>({ max: KNOWN_JOBS });
  private readonly locks = new KeyedLock();

  constructor(
    private readonly deps: { bus: EventBus; repo: EventRepository; log: Logger },
    private readonly options: EventRelayOptions,
  ) {}

  /** True while the LISTEN connection is up (subscribers may then poll the log less often). */
  get live(): boolean {
    return this.listener?.listening ?? false;
  }

  /** Starts listening (single-flight); resolves after the first connection attempt, retrying in the background. */
  start(): Promise<void> {
    this.starting ??= this.open();
    return this.starting;
  }

  async stop(): Promise<void> {
    const starting = this.starting;
    this.starting = undefined;
    await starting?.catch(() => undefined);
    await this.listener?.close();
    this.listener = undefined;
  }

  private async open(): Promise<void> {
    const { log } = this.deps;
    this.listener = await listenForNotifications({
      url: this.options.url,
      channel: EVENT_CHANNEL,
      applicationName: RELAY_APPLICATION_NAME,
      connectTimeoutMs: this.options.connectTimeoutMs,
      minBackoffMs: this.options.minBackoffMs,
      maxBackoffMs: this.options.maxBackoffMs,
      onNotification: (payload) => this.heard(payload),
      onListening: () =>
        void this.catchUp().catch((error: unknown) => log.warn({ err: error }, "event relay: catching up failed")),
      onError: (error, retryInMs) =>
        log.warn({ err: error, retryInMs }, "event relay: LISTEN connection lost, reconnecting"),
    });
  }

  private heard(payload: string): void {
    const notice = parseAnnouncement(payload);
    if (!notice || notice.origin === this.origin) return;
    if (this.deps.bus.listenerCount(notice.jobId) === 0) {
      this.relayed.delete(notice.jobId);
      return;
    }
    this.relay(notice.jobId, notice.seq).catch((error: unknown) =>
      this.deps.log.warn({ err: error, jobId: notice.jobId }, "event relay: reading announced events failed"),
    );
  }

  /**
   * Publishes the job's events up to at least `seq`. Per job one read at a time: a burst of announcements becomes
   * one read of the batch after the last relayed seq, and the rest find nothing left to do.
   */
  private relay(jobId: string, seq: number): Promise<void> {
    return this.locks.run(jobId, async () => {
      const after = this.relayed.get(jobId) ?? seq - 1;
      if (seq <= after) return;
      this.publish(jobId, await this.deps.repo.listAfter(jobId, after));
    });
  }

  private publish(jobId: string, events: JobEventRecord[]): void {
    for (const event of events) this.deps.bus.publish(event);
    const last = events.at(-1);
    if (!last) return;
    if (TERMINAL_EVENTS.has(last.type)) this.relayed.delete(jobId);
    else this.relayed.set(jobId, last.seq);
  }

  /**
   * After a (re)connection: announcements sent while we were away are lost, so each job listened to here gets its
   * newest event; a subscriber that missed anything sees a gap and reads the log.
   */
  private async catchUp(): Promise<void> {
    const latest = await this.deps.repo.latest(this.deps.bus.jobIds());
    await Promise.all(latest.map((event) => this.relay(event.jobId, event.seq)));
  }
}

function parseAnnouncement(payload: string): EventAnnouncement | undefined {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== "object" || value === null) return undefined;
    const { jobId, seq, origin } = value as Record<string, unknown>;
    if (typeof jobId !== "string" || typeof seq !== "number" || typeof origin !== "string") return undefined;
    return { jobId, seq, origin };
  } catch {
    return undefined;
  }
}
