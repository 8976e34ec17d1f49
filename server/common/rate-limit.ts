import { LRUCache } from "lru-cache";
import { DomainError } from "./errors";

/**
 * Per-user limits on costly actions (docs/security.md, "Limits"): at most `limit` actions per user in any
 * sliding `windowMs`. Kept in this process's memory: each server of a cluster counts on its own, which bounds
 * what one user can make a server do.
 */
export class RateLimiter {
  private readonly recent: LRUCache<string, number[]>;

  constructor(
    private readonly action: string,
    private readonly limit: () => number,
    private readonly windowMs = 60_000,
  ) {
    this.recent = new LRUCache({ max: 10_000, ttl: windowMs });
  }

  /** Counts one action for `key`, or throws RATE_LIMITED when the window is full (nothing is counted then). */
  take(key: string, now = Date.now()): void {
    const since = now - this.windowMs;
    const times = (this.recent.get(key) ?? []).filter((time) => time > since);
    if (times.length >= this.limit()) {
      const retryAfterS = Math.max(1, Math.ceil(((times[0] ?? now) + this.windowMs - now) / 1_000));
      throw new DomainError(
        "RATE_LIMITED",
        `Too many ${this.action}: at most ${this.limit()} a minute per user; try again in ${retryAfterS} s.`,
        { retryAfterS },
      );
    }
    times.push(now);
    this.recent.set(key, times);
  }
}
