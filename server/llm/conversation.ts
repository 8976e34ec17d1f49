import type { LanguageModel, ModelMessage } from "ai";
import type { RequestRecord } from "../../contracts/provenance";
import {
  LlmAbortedError,
  LlmError,
  LlmRefusedError,
  LlmSchemaError,
  LlmStoppedError,
  LlmTimeoutError,
  LlmTransportError,
  LlmTruncatedError,
} from "./errors";
import { callModel, type ModelCallRequest, type ModelCallResult } from "./model-call";
import { promptCanary } from "./prompts/data";
import { readReplyJson } from "./reply-json";
import { failureRecord, type RequestLog } from "./request-log";
import { retryDelay, waitToRetry, type RetryOptions } from "./retry";
import { SCRIPTED_PROVIDER } from "./providers";
import type { StepDefinition } from "./steps/types";
import type { z } from "zod";

/**
 * One model step's conversation (docs/models.md, Requests): every HTTP request it makes, and what each failure earns.
 * - a reply that does not fit the schema: a re-ask quoting the problems (at most MAX_REASKS);
 * - 429, 5xx, network errors: a retry after backoff or Retry-After (RetryOptions.retries);
 * - a timeout: a retry after backoff (timeoutRetries, default 1: a cold model's first reply is often slow);
 * - a reply cut at the output budget: one retry with twice the budget, then LlmTruncatedError;
 * - a 400 refusing the strict JSON schema: one retry without strict mode, recorded;
 * - any other 4xx: LlmRefusedError at once (asking again would not help).
 * Every request is logged with its outcome and tokens, and announced first (`beforeRequest`: the eval caps).
 */
export const MAX_REASKS = 2;

export interface ConversationOptions {
  model: LanguageModel;
  signal?: AbortSignal;
  timeoutMs: number;
  timeoutRetries: number;
  maxOutputTokens?: number;
  retry: RetryOptions;
  stream?: ModelCallRequest["stream"];
  /** Told when text already streamed is void (a re-ask or retry starts the text again). */
  onStreamReset?: () => void;
  tools?: ModelCallRequest["tools"];
  beforeRequest?: () => void;
}

/** Problems of a reply, in words the model can act on; empty when it fits. */
export function replyProblems<O>(
  schema: z.ZodType<O>,
  result: Pick<ModelCallResult, "output" | "text">,
): { value?: O; problems: string[] } {
  let candidate = result.output;
  if (candidate === undefined) {
    const read = readReplyJson(result.text);
    if (!read.ok) return { problems: [read.error] };
    candidate = read.value;
  }
  const parsed = schema.safeParse(candidate);
  if (!parsed.success)
    return { problems: parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`) };
  if (JSON.stringify(parsed.data).includes(promptCanary()))
    return { problems: ["the reply repeats the system instructions; answer with the requested data only"] };
  return { value: parsed.data, problems: [] };
}

function reask(text: string, problems: string[]): ModelMessage[] {
  const list = problems
    .slice(0, 20)
    .map((p) => `- ${p}`)
    .join("\n");
  return [
    { role: "assistant", content: text || "(empty reply)" },
    {
      role: "user",
      content: `That reply does not match the required JSON schema:\n${list}\nReply again with one JSON object that fixes every problem, and nothing else.`,
    },
  ];
}

/**
 * A failure of the request itself (the provider, the way to it, or the SDK reading the answer), as opposed to our own
 * typed errors (a stop, a cancellation), which pass through untouched.
 */
function isRequestFailure(error: unknown): error is Error {
  return error instanceof Error && (error instanceof LlmTimeoutError || !(error instanceof LlmError));
}

/** What may still be tried within this step; each kind of second chance is counted apart. */
interface Chances {
  transport: number;
  timeouts: number;
  strict: boolean;
  budgetRaised: boolean;
  budget?: number;
}

export class ModelConversation<I, O> {
  private readonly messages: ModelMessage[];
  private readonly system: string;
  private readonly chances: Chances;
  private streamed = false;

  constructor(
    private readonly step: StepDefinition<I, O>,
    private readonly input: I,
    private readonly options: ConversationOptions,
    private readonly log: RequestLog,
  ) {
    const { system, prompt } = step.prompt(input);
    this.system = system;
    this.messages = [{ role: "user", content: prompt }];
    this.chances = { transport: 0, timeouts: 0, strict: true, budgetRaised: false, budget: options.maxOutputTokens };
  }

  /** The step's answer, asked again while the reply does not fit (at most MAX_REASKS times). */
  async answer(): Promise<O> {
    let kind: RequestRecord["kind"] = "ask";
    for (let reasks = 0; ; reasks++) {
      const { result, record } = await this.request(kind);
      const checked = replyProblems(this.step.output, result);
      if (checked.value !== undefined) {
        this.log.record(record);
        return checked.value;
      }
      this.log.record({ ...record, outcome: "invalid-reply", detail: checked.problems.slice(0, 3).join("; ") });
      if (reasks >= MAX_REASKS)
        throw new LlmSchemaError(this.step.name, this.log.requests.length, checked.problems, result.text);
      this.messages.push(...reask(result.text, checked.problems));
      kind = "reask";
    }
  }

  /** One answer that came back whole: transport failures, timeouts, a refused schema and a cut reply handled here. */
  private async request(first: RequestRecord["kind"]): Promise<{ result: ModelCallResult; record: RequestRecord }> {
    let kind = first;
    for (;;) {
      this.announce();
      this.resetStream();
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      try {
        const result = await callModel(this.callRequest());
        this.log.addUsage(result.usage);
        this.countRoundTrips(result, kind, elapsed());
        if (result.finishReason !== "length") return { result, record: this.okRecord(kind, elapsed()) };
        this.log.record({ kind, outcome: "cut", status: null, detail: "finish reason: length", durationMs: elapsed() });
        kind = this.afterCut(result);
      } catch (error) {
        kind = await this.afterFailure(error, kind, elapsed());
      }
    }
  }

  private okRecord(kind: RequestRecord["kind"], durationMs: number): RequestRecord {
    return { kind, outcome: "ok", status: null, detail: "", durationMs };
  }

  /** Tool round trips are requests too: each beyond the first is logged (the caps count them). */
  private countRoundTrips(result: ModelCallResult, kind: RequestRecord["kind"], durationMs: number): void {
    for (let n = 1; n < result.requests; n++)
      this.log.record({ kind, outcome: "ok", status: null, detail: "tool round trip", durationMs });
  }

  private afterCut(result: ModelCallResult): RequestRecord["kind"] {
    if (this.chances.budgetRaised) throw new LlmTruncatedError(this.step.name, result.usage.outputTokens);
    this.chances.budgetRaised = true;
    this.chances.budget = 2 * (this.chances.budget ?? result.usage.outputTokens ?? 4096);
    return "larger-budget";
  }

  /** Records a failed request and decides what comes next: another request (after a wait), or a typed error. */
  private async afterFailure(error: unknown, kind: RequestRecord["kind"], durationMs: number) {
    if (error instanceof LlmAbortedError || this.options.signal?.aborted) throw error;
    // Anything that is not the provider's answer (a cap reached, a bug) is not ours to retry.
    if (!isRequestFailure(error)) throw error;
    const record = failureRecord(error, kind, durationMs);
    this.log.record(record);
    const next = this.next(error, record);
    if (next.waitMs) await waitToRetry(next.waitMs, this.options.signal);
    return next.kind;
  }

  private next(error: Error, record: RequestRecord): { kind: RequestRecord["kind"]; waitMs?: number } {
    const requests = this.log.requests.length;
    const wait = (attempt: number) => retryDelay(attempt, error, this.options.retry);
    if (record.outcome === "schema-refused" && this.chances.strict) {
      this.chances.strict = false;
      return { kind: "without-strict" };
    }
    if (error instanceof LlmTimeoutError) {
      if (this.chances.timeouts >= this.options.timeoutRetries)
        throw new LlmTimeoutError(this.step.name, this.options.timeoutMs, requests);
      return { kind: "retry", waitMs: wait(this.chances.timeouts++) };
    }
    if (record.outcome === "refused" || record.outcome === "schema-refused")
      throw new LlmRefusedError(this.step.name, record.status ?? undefined, error);
    if (record.outcome === "error" || this.chances.transport >= this.options.retry.retries)
      throw new LlmTransportError(this.step.name, requests, error, record.status ?? undefined);
    return { kind: "retry", waitMs: wait(this.chances.transport++) };
  }

  /** The caller may refuse a request (an eval's cap): the step stops, typed, before anything is sent. */
  private announce(): void {
    try {
      this.options.beforeRequest?.();
    } catch (error) {
      throw new LlmStoppedError(this.step.name, error);
    }
  }

  private resetStream(): void {
    if (this.streamed) this.options.onStreamReset?.();
    this.streamed = Boolean(this.options.stream);
  }

  private callRequest(): ModelCallRequest {
    const { model, signal, timeoutMs, stream, tools } = this.options;
    const scripted = typeof model !== "string" && model.provider === SCRIPTED_PROVIDER;
    return {
      step: this.step.name,
      model,
      schema: this.step.output,
      system: this.system,
      messages: this.messages,
      signal,
      timeoutMs,
      stream,
      tools,
      strict: this.chances.strict,
      maxOutputTokens: this.chances.budget,
      beforeRoundTrip: () => this.announce(),
      providerOptions: scripted
        ? { [SCRIPTED_PROVIDER]: { step: this.step.name, input: JSON.stringify(this.input) } }
        : undefined,
    };
  }
}
