import { APICallError } from "ai";
import type { RequestOutcome, RequestRecord, TokenCount } from "../../contracts/provenance";
import { LlmTimeoutError } from "./errors";
import type { CallUsage } from "./model-call";
import { isRetryable } from "./retry";

/**
 * What one step's requests cost and how each ended (docs/models.md, Provenance): the record every step carries, and
 * the counts the eval caps use. Token counts a provider did not report stay unknown (null), never 0.
 */
export class RequestLog {
  readonly requests: RequestRecord[] = [];
  private readonly known = { input: 0, output: 0, total: 0 };
  private readonly unknown = { input: false, output: false, total: false };

  record(entry: RequestRecord): void {
    this.requests.push(entry);
  }

  addUsage(usage: CallUsage): void {
    this.add("input", usage.inputTokens);
    this.add("output", usage.outputTokens);
    this.add("total", usage.totalTokens);
  }

  private add(field: keyof TokenCount, value: number | undefined): void {
    if (value === undefined) this.unknown[field] = true;
    else this.known[field] += value;
  }

  /** Null for a count some request did not report; a step that made no request has no tokens to count. */
  get tokens(): TokenCount {
    const count = (field: keyof TokenCount) => (this.unknown[field] ? null : this.known[field]);
    return { input: count("input"), output: count("output"), total: count("total") };
  }

  /** The usage the engine stores: unknown counts are left out (the columns stay null). */
  get usage(): CallUsage {
    const { input, output, total } = this.tokens;
    return { inputTokens: input ?? undefined, outputTokens: output ?? undefined, totalTokens: total ?? undefined };
  }
}

function statusOf(error: unknown): number | null {
  return APICallError.isInstance(error) ? (error.statusCode ?? null) : null;
}

/** A 400 about the response format: a server that does not take our strict JSON schema. */
export function isSchemaRefusal(error: unknown): boolean {
  if (!APICallError.isInstance(error) || error.statusCode !== 400) return false;
  const text = `${error.message} ${error.responseBody ?? ""}`.toLowerCase();
  return /response_format|json_schema|json schema|invalid schema|strict/.test(text);
}

/** How a failed request ended, in the vocabulary the timeline shows. */
export function failureOutcome(error: unknown): RequestOutcome {
  if (error instanceof LlmTimeoutError) return "timeout";
  const status = statusOf(error);
  if (status === 429) return "rate-limited";
  if (isSchemaRefusal(error)) return "schema-refused";
  if (status !== null && status >= 500) return "server-error";
  if (isRetryable(error)) return status === null ? "network" : "server-error";
  return status === null ? "error" : "refused";
}

export function failureRecord(
  error: unknown,
  kind: RequestRecord["kind"],
  durationMs: number,
): RequestRecord & { outcome: RequestOutcome } {
  const detail = error instanceof Error ? error.message : String(error);
  return { kind, outcome: failureOutcome(error), status: statusOf(error), detail: detail.slice(0, 500), durationMs };
}
