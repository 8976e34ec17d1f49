import type { Provenance } from "../../contracts/provenance";

/**
 * Typed failures of a model step. The workflow tells them apart: a cancelled job must not fall back, a schema
 * failure is worth a clear message, a missing key is a configuration problem found at start-up.
 */
export type LlmErrorKind =
  "config" | "timeout" | "aborted" | "schema" | "transport" | "refused" | "truncated" | "stopped";

export class LlmError extends Error {
  /** The requests the step made before it failed (set by run-step; the timeline shows them). */
  provenance?: Provenance;

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
    public readonly attempts = 1,
  ) {
    super(
      "timeout",
      `Step ${step}: the model did not answer within ${timeoutMs} ms${attempts > 1 ? ` (${attempts} requests)` : ""}`,
      step,
    );
    this.name = "LlmTimeoutError";
  }
}

/** The reply was cut at the output budget (finish reason `length`), also after a retry with a larger budget. */
export class LlmTruncatedError extends LlmError {
  constructor(
    step: string,
    public readonly outputTokens: number | undefined,
  ) {
    super(
      "truncated",
      `Step ${step}: the model's reply was cut off at its output limit${outputTokens ? ` (${outputTokens} tokens)` : ""}, also after a retry with twice the budget; raise SKILL_FLEET_LLM_MAX_OUTPUT_TOKENS or use a model with a larger output`,
      step,
    );
    this.name = "LlmTruncatedError";
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

function causeText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** The caller refused the next request (an eval's cap): the step stops, and no fallback covers it. */
export class LlmStoppedError extends LlmError {
  constructor(step: string, cause: unknown) {
    super("stopped", `Step ${step} stopped before its next request: ${causeText(cause)}`, step, { cause });
    this.name = "LlmStoppedError";
  }
}

/** The provider kept failing (HTTP 429/5xx, network) after the retries. */
export class LlmTransportError extends LlmError {
  constructor(
    step: string,
    public readonly attempts: number,
    cause: unknown,
    public readonly statusCode?: number,
  ) {
    super(
      "transport",
      `Step ${step} failed to reach the model after ${attempts} attempt(s)${statusCode ? ` (HTTP ${statusCode})` : ""}: ${causeText(cause)}`,
      step,
      { cause },
    );
    this.name = "LlmTransportError";
  }
}

/** The server answered and refused the request (HTTP 4xx other than 408/409/429): asking again would not help. */
export class LlmRefusedError extends LlmError {
  constructor(
    step: string,
    public readonly statusCode: number | undefined,
    cause: unknown,
  ) {
    super(
      "refused",
      `Step ${step}: the model server refused the request${statusCode ? ` (HTTP ${statusCode})` : ""}: ${causeText(cause)}`,
      step,
      { cause },
    );
    this.name = "LlmRefusedError";
  }
}

export function isAbortError(error: unknown): boolean {
  return (
    error instanceof Error && (error.name === "AbortError" || (error instanceof LlmError && error.kind === "aborted"))
  );
}
