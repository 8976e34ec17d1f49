import type { Logger } from "pino";

/**
 * Runs `fn` and measures it: the one helper for step and function timings. The duration is returned with the
 * value and, when a logger is given, logged once (with the error, if it threw).
 */
export async function timed<T>(
  label: string,
  fn: () => Promise<T>,
  log?: Logger,
): Promise<{ value: T; durationMs: number }> {
  const started = performance.now();
  try {
    const value = await fn();
    const durationMs = Math.round(performance.now() - started);
    log?.debug({ label, durationMs }, "timed");
    return { value, durationMs };
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    log?.warn({ label, durationMs, err: error instanceof Error ? error.message : String(error) }, "timed (failed)");
    throw error;
  }
}
