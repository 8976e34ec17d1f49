import { setTimeout as sleep } from "node:timers/promises";
import { backoffDelay } from "../common/backoff";
import { APICallError } from "ai";
import { LlmError } from "./errors";

/**
 * Which transport failures are worth another request (HTTP 408/409/429/5xx, network errors), and how long to wait
 * first, honouring Retry-After. The SDK's own retries are off (maxRetries: 0) so there is one retry policy (run-step's
 * conversation), and tests can make the delays tiny.
 */
export interface RetryOptions {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { retries: 3, baseDelayMs: 500, maxDelayMs: 8_000 };

const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
]);

export function isRetryable(error: unknown): boolean {
  if (error instanceof LlmError) return false;
  if (APICallError.isInstance(error)) return error.isRetryable;
  const code = (error as { cause?: { code?: string } } | undefined)?.cause?.code;
  return (
    error instanceof TypeError && (error.message === "fetch failed" || (code !== undefined && NETWORK_CODES.has(code)))
  );
}

function retryAfterMs(error: unknown): number | undefined {
  if (!APICallError.isInstance(error)) return undefined;
  const header = error.responseHeaders?.["retry-after"];
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The provider's Retry-After when it sent one (capped), else exponential backoff. */
export function retryDelay(attempt: number, error: unknown, options: RetryOptions): number {
  const retryAfter = retryAfterMs(error);
  if (retryAfter !== undefined) return Math.min(options.maxDelayMs, retryAfter);
  return backoffDelay(attempt, { baseMs: options.baseDelayMs, maxMs: options.maxDelayMs });
}

/** Waits before the next request; a cancelled job stops waiting at once. */
export function waitToRetry(ms: number, signal?: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal });
}
