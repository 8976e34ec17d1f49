import type { LiveEvent } from "./types";

export type EventListener = (event: LiveEvent) => void;

/**
 * In-process fan-out of a job's events to its live subscribers (SPEC §4 guarantee 3). Subscribing, publishing
 * and unsubscribing are synchronous, so none of them can interleave with another; a job's listener set is
 * removed with its last listener, so finished jobs leave nothing behind.
 */
export class EventBus {
  private readonly listeners = new Map<string, Set<EventListener>>();

  subscribe(jobId: string, listener: EventListener): () => void {
    let set = this.listeners.get(jobId);
    if (!set) {
      set = new Set();
      this.listeners.set(jobId, set);
    }
    set.add(listener);
    return () => this.unsubscribe(jobId, listener);
  }

  publish(event: LiveEvent): void {
    const set = this.listeners.get(event.jobId);
    if (!set) return;
    // A copy: a listener that unsubscribes (or subscribes another) while we deliver must not skip anyone.
    for (const listener of [...set]) {
      try {
        listener(event);
      } catch {
        // One broken subscriber must not stop delivery to the others.
      }
    }
  }

  listenerCount(jobId: string): number {
    return this.listeners.get(jobId)?.size ?? 0;
  }

  /** Jobs with at least one live listener. */
  get size(): number {
    return this.listeners.size;
  }

  /** The ids of the jobs with at least one live listener. */
  jobIds(): string[] {
    return [...this.listeners.keys()];
  }

  private unsubscribe(jobId: string, listener: EventListener): void {
    const set = this.listeners.get(jobId);
    if (!set) return;
    set.delete(listener);
    if (set.size === 0) this.listeners.delete(jobId);
  }
}
