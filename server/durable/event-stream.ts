import { subscriberOpened } from "../observability/live-metrics";
import type { EventLog } from "./event-log";
import type { JobStore } from "./job-store";
import { TERMINAL_EVENTS, isTerminal, type JobEventRecord, type LiveEvent, type TokenEvent } from "./types";

export type StreamItem = { kind: "event"; event: JobEventRecord } | { kind: "token"; token: TokenEvent };

export interface StreamOptions {
  /**
   * How long to wait for a live event before re-reading the log (events written by another server); default
   * EventLog.quietPollMs.
   */
  pollMs?: number;
}

/**
 * A queue of live events with a wait that ends on arrival, timeout or abort. It listens to the abort signal once for
 * its whole life, not once per wait: with many subscribers, adding and removing a listener per event per subscriber
 * was a measurable share of delivering it (docs/performance.md).
 */
class Inbox {
  private readonly items: LiveEvent[] = [];
  private wake: (() => void) | undefined;
  private readonly onAbort = () => this.wake?.();

  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener("abort", this.onAbort, { once: true });
  }

  push(event: LiveEvent): void {
    this.items.push(event);
    this.wake?.();
  }

  async next(timeoutMs: number): Promise<LiveEvent | undefined> {
    if (this.items.length === 0 && timeoutMs > 0 && !this.signal.aborted) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        timer = setTimeout(resolve, timeoutMs);
      });
      clearTimeout(timer);
      this.wake = undefined;
    }
    return this.items.shift();
  }

  close(): void {
    this.signal.removeEventListener("abort", this.onAbort);
  }
}

/**
 * A job's events for one subscriber (docs/architecture.md, Events): it listens first, then replays the log after
 * `afterSeq`, then streams live events, skipping any seq it already sent and back-filling from the log when it sees a
 * gap, so nothing is lost between "read history" and "listen live" and nothing is sent twice. Ends after a terminal
 * event, or when the job is already finished and the log holds nothing more for this subscriber.
 */
export async function* streamJobEvents(
  deps: { events: EventLog; store: JobStore },
  jobId: string,
  afterSeq: number,
  signal: AbortSignal,
  options: StreamOptions = {},
): AsyncGenerator<StreamItem> {
  const inbox = new Inbox(signal);
  const unsubscribe = deps.events.bus.subscribe(jobId, (event) => inbox.push(event));
  const closed = subscriberOpened();
  let state = { last: afterSeq, finished: false, terminal: false };
  let readTheLog = true;
  try {
    while (!signal.aborted) {
      if (readTheLog) state = yield* replayLog(deps, jobId, state.last);
      if (state.terminal) return;
      const live = await drainLive(
        inbox,
        state.finished ? FINISHED_GRACE_MS : (options.pollMs ?? deps.events.quietPollMs),
        state.last,
      );
      yield* live.items;
      if (live.terminal || (state.finished && !live.gap && live.last === state.last)) return;
      // The log is read again only on a gap or after a quiet poll interval (events another server wrote), not
      // after every live event: with many subscribers that would be one query per subscriber per event.
      readTheLog = live.gap || live.items.length === 0;
      state = { ...state, last: live.last };
    }
  } finally {
    unsubscribe();
    inbox.close();
    closed();
  }
}

/** Replays the log after `last`; reports where it ended, whether that was the end, and whether the job is finished. */
async function* replayLog(
  deps: { events: EventLog; store: JobStore },
  jobId: string,
  last: number,
): AsyncGenerator<StreamItem, { last: number; finished: boolean; terminal: boolean }> {
  // Status first, log second: terminal events are stored before the status changes, so if the job was already
  // finished, the log we read next holds its closing event.
  const finished = isTerminal((await deps.store.require(jobId)).status);
  const replay = await readLog(deps.events, jobId, last);
  for (const event of replay.events) yield { kind: "event", event };
  return { last: replay.last, finished, terminal: replay.terminal };
}

/** The log after `last`, cut after the first terminal event. */
async function readLog(
  events: EventLog,
  jobId: string,
  last: number,
): Promise<{ events: JobEventRecord[]; last: number; terminal: boolean }> {
  const replay = await events.after(jobId, last);
  const end = replay.findIndex((event) => TERMINAL_EVENTS.has(event.type));
  const kept = end === -1 ? replay : replay.slice(0, end + 1);
  return { events: kept, last: kept.at(-1)?.seq ?? last, terminal: end !== -1 };
}

/** A finished job whose closing event we have not seen yet (a cancel writes it just after the status). */
const FINISHED_GRACE_MS = 200;

/**
 * Waits for live events and yields those that follow `last` directly; on a gap (or a timeout) it returns so the
 * caller re-reads the log.
 */
async function drainLive(
  inbox: Inbox,
  pollMs: number,
  last: number,
): Promise<{ items: StreamItem[]; last: number; terminal: boolean; gap: boolean }> {
  const items: StreamItem[] = [];
  let event = await inbox.next(pollMs);
  while (event) {
    if (event.type === "token") items.push({ kind: "token", token: event });
    else if (event.seq === last + 1) {
      last = event.seq;
      items.push({ kind: "event", event });
      if (TERMINAL_EVENTS.has(event.type)) return { items, last, terminal: true, gap: false };
    } else if (event.seq > last + 1) {
      return { items, last, terminal: false, gap: true }; // missed something: the log fills the gap
    }
    event = await inbox.next(0);
  }
  return { items, last, terminal: false, gap: false };
}
