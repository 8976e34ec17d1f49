import { EventEmitter } from "node:events";
import { recordEventFanout } from "../observability/live-metrics";
import type { LiveEvent } from "./types";

export type EventListener = (event: LiveEvent) => void;

/**
 * In-process fan-out of a job's events to its live subscribers (docs/architecture.md, guarantee 3): a
 * `node:events` emitter with one event name per job. Subscribing, publishing and unsubscribing are synchronous, so
 * none of them can interleave with another; the emitter drops a job's name with its last listener, so finished
 * jobs leave nothing behind.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0); // hundreds of subscribers to one job are normal, not a leak
  }

  subscribe(jobId: string, listener: EventListener): () => void {
    // One broken subscriber must not stop delivery to the others (emit would stop at the first throw).
    const isolated: EventListener = (event) => {
      try {
        listener(event);
      } catch {
        // ignored: the subscriber's own stream reports its failure
      }
    };
    this.emitter.on(jobId, isolated);
    return () => void this.emitter.off(jobId, isolated);
  }

  /** Listeners added or removed while an event is delivered do not change who receives that event. */
  publish(event: LiveEvent): void {
    this.emitter.emit(event.jobId, event);
    // Stored events only: token events are never stored, so they have no storage time to measure from.
    if (event.type !== "token") recordEventFanout(event.createdAt, this.emitter.listenerCount(event.jobId));
  }

  listenerCount(jobId: string): number {
    return this.emitter.listenerCount(jobId);
  }

  /** Jobs with at least one live listener. */
  get size(): number {
    return this.emitter.eventNames().length;
  }

  /** The ids of the jobs with at least one live listener. */
  jobIds(): string[] {
    return this.emitter.eventNames().map(String);
  }
}
