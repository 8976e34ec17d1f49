import type { PGlite } from "@electric-sql/pglite";
import { isBackgroundWork } from "../common/work-priority";

/**
 * The embedded database runs one statement at a time, in this process's one thread: while it runs a statement,
 * nothing else here runs, not even the parsing of the next request. So a server busy running jobs answered
 * `skills.create` slowly (docs/performance.md, Creation under load). This gate in front of it:
 * - serves waiting requests before waiting background work (job runs, sweeps);
 * - during a burst of requests (BURST request statements within BURST_WINDOW_MS), lets background work use at most
 *   BACKGROUND_SHARE of the database's time, pausing it after each statement for as long as that takes;
 * - never starves it: after FAIR_SHARE request statements in a row, one waiting background statement goes.
 * With no requests around, background work runs at full speed.
 */
const FAIR_SHARE = 8;
const BACKGROUND_SHARE = 0.25;
const BURST = 4;
const BURST_WINDOW_MS = 50;

type Waiter = () => void;

export class PriorityGate {
  private busy = false;
  private inARow = 0;
  private readonly requests: Waiter[] = [];
  private readonly background: Waiter[] = [];
  /** When the last BURST request statements were admitted, oldest first. */
  private readonly recentRequests: number[] = [];
  /** Background statements wait until then (pacing while requests come in). */
  private backgroundFrom = 0;
  private wakeTimer: NodeJS.Timeout | undefined;

  async run<T>(work: () => Promise<T>): Promise<T> {
    const background = isBackgroundWork();
    if (!background) this.noteRequest();
    await this.acquire(background ? this.background : this.requests, background);
    const started = performance.now();
    try {
      return await work();
    } finally {
      if (background) this.pace(performance.now() - started);
      this.release();
    }
  }

  private acquire(queue: Waiter[], background: boolean): Promise<void> {
    if (!this.busy && !(background && this.paused())) {
      this.busy = true;
      return Promise.resolve();
    }
    const waiting = new Promise<void>((resolve) => queue.push(resolve));
    if (!this.busy) this.dispatch();
    return waiting;
  }

  private paused(): boolean {
    return performance.now() < this.backgroundFrom;
  }

  private noteRequest(): void {
    this.recentRequests.push(performance.now());
    if (this.recentRequests.length > BURST) this.recentRequests.shift();
  }

  private inBurst(): boolean {
    const oldest = this.recentRequests[0];
    return (
      this.recentRequests.length === BURST && oldest !== undefined && performance.now() - oldest <= BURST_WINDOW_MS
    );
  }

  /** After a background statement of `tookMs`, during a burst of requests: rest long enough to keep to its share. */
  private pace(tookMs: number): void {
    if (this.inBurst()) this.backgroundFrom = performance.now() + tookMs * (1 / BACKGROUND_SHARE - 1);
  }

  private release(): void {
    this.busy = false;
    this.dispatch();
  }

  /** Hands the free gate to the next waiter, or wakes up when paused background work may go. */
  private dispatch(): void {
    const next = this.next();
    if (next) {
      this.busy = true;
      next();
    } else if (this.background.length > 0 && !this.wakeTimer) {
      this.wakeTimer = setTimeout(() => {
        this.wakeTimer = undefined;
        if (!this.busy) this.dispatch();
      }, this.backgroundFrom - performance.now());
    }
  }

  private next(): Waiter | undefined {
    const backgroundMayGo = this.background.length > 0 && !this.paused();
    if (this.requests.length > 0 && (this.inARow < FAIR_SHARE || !backgroundMayGo)) {
      this.inARow += 1;
      return this.requests.shift();
    }
    this.inARow = 0;
    return backgroundMayGo ? this.background.shift() : undefined;
  }
}

const GATED = new Set<PropertyKey>(["query", "exec", "transaction"]);

/** The PGlite the Prisma adapter talks to: the same database, its statements and transactions through `gate`. */
export function gatedPglite(pglite: PGlite, gate = new PriorityGate()): PGlite {
  return new Proxy(pglite, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      const bound = (...args: unknown[]): unknown => Reflect.apply(value, target, args);
      return GATED.has(property) ? (...args: unknown[]) => gate.run(async () => bound(...args)) : bound;
    },
  });
}
