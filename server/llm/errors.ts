/**
 * Typed failures of a model step. The workflow tells them apart: a cancelled job must not fall back, a schema
 * failure is worth a clear message, a missing key is a configuration problem found at start-up.
 */
export type LlmErrorKind = "config" | "timeout" | "aborted" | "schema" | "transport";

export class LlmError extends Error {
  constructor(
    public readonly kind: LlmErrorKind,
    message: string,
    public readonly step?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "LlmError";
  }
}

/** Model configuration that cannot work (bad spec, missing key). The message names the variable to set. */
export class LlmConfigError extends LlmError {
  constructor(public readonly problems: string[]) {
    super("config", `Model configuration is incomplete:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "LlmConfigError";
  }
}

export class LlmTimeoutError extends LlmError {
  constructor(
    step: string,
    public readonly timeoutMs: number,
  ) {
    super("timeout", `Step ${step} timed out after ${timeoutMs} ms`, step);
    this.name = "LlmTimeoutError";
  }
}

/** Named "AbortError" like the platform's own, so generic `error.name === "AbortError"` checks keep working. */
export class LlmAbortedError extends LlmError {
  constructor(step: string, cause?: unknown) {
    super("aborted", `Step ${step} was cancelled`, step, { cause });
    this.name = "AbortError";
  }
}

/** The model kept answering outside the schema after every re-ask. */
export class LlmSchemaError extends LlmError {
  constructor(
    step: string,
    public readonly attempts: number,
    public readonly problems: string[],
    public readonly lastText: string,
  ) {
    super(
      "schema",
      `Step ${step} returned output that does not match its schema after ${attempts} attempts: ${problems.slice(0, 5).join("; ")}`,
      step,
    );
    this.name = "LlmSchemaError";
  }
}

/** The provider kept failing (HTTP 429/5xx, network) after the retries, or refused the request (4xx). */
export class LlmTransportError extends LlmError {
  constructor(
    step: string,
    public readonly attempts: number,
    cause: unknown,
    public readonly statusCode?: number,
  ) {
    super(
      "transport",
      `Step ${step} failed to reach the model after ${attempts} attempt(s): ${cause instanceof Error ? cause.message : String(cause)}`,
      step,
      { cause },
    );
    this.name = "LlmTransportError";
  }
}

export function isAbortError(error: unknown): boolean {
  return (
    error instanceof Error && (error.name === "AbortError" || (error instanceof LlmError && error.kind === "aborted"))
  );
}
