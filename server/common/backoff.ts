/**
 * Exponential backoff with "equal jitter": the delay doubles from `baseMs` per attempt up to `maxMs`, and half of
 * it is random, so clients that failed together (a provider outage, a lost database) do not retry in lockstep.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export function backoffDelay(attempt: number, { baseMs, maxMs }: BackoffOptions): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}
