import { isAbortError, LlmStoppedError } from "./errors";

const isStopped = (error: unknown): boolean => error instanceof LlmStoppedError;
import { env } from "../common/env";
import { loggerFor, sanitizeForLog } from "../common/logger";

/**
 * The single place that turns a failed model step into its documented fallback (docs/workflow.md, Fallbacks).
 * Fallbacks apply only when SKILL_FLEET_ALLOW_LLM_FALLBACK is on (or `always` for the one step the reference
 * falls back unconditionally); a cancelled job is never "rescued" by a fallback. Each use logs one line.
 */
export async function withLlmFallback<T>(
  run: () => Promise<T>,
  fallbackValue: () => T,
  message: string,
  options: { always?: boolean } = {},
): Promise<{ value: T; usedFallback: boolean; error?: unknown }> {
  try {
    return { value: await run(), usedFallback: false };
  } catch (error) {
    if (isAbortError(error) || isStopped(error) || !(options.always || env().SKILL_FLEET_ALLOW_LLM_FALLBACK))
      throw error;
    loggerFor("llm").warn(
      { fallback: sanitizeForLog(message), err: sanitizeForLog(error) },
      "model step failed; using its fallback",
    );
    return { value: fallbackValue(), usedFallback: true, error };
  }
}
