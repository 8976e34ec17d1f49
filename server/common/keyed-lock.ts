import { Mutex } from "async-mutex";

/**
 * One async mutex per key (a job id, a request id…), created on first use and dropped as soon as nobody holds
 * or waits for it, so a long-running server does not accumulate a mutex per job it ever touched.
 * async-mutex never blocks the event loop: waiting callers are parked promises (docs/architecture.md, guarantee 5).
 */
interface Entry {
  mutex: Mutex;
  users: number;
}

export class KeyedLock {
  private readonly entries = new Map<string, Entry>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { mutex: new Mutex(), users: 0 };
      this.entries.set(key, entry);
    }
    entry.users += 1;
    try {
      return await entry.mutex.runExclusive(fn);
    } finally {
      entry.users -= 1;
      if (entry.users === 0) this.entries.delete(key);
    }
  }

  isLocked(key: string): boolean {
    return this.entries.get(key)?.mutex.isLocked() ?? false;
  }

  /** Keys currently held or awaited (tests check that idle keys are released). */
  get size(): number {
    return this.entries.size;
  }
}
