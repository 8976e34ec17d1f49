import type { LanguageModel, ToolSet } from "ai";
import type { Provenance } from "../../contracts/provenance";
import { env } from "../common/env";
import { ModelConversation } from "./conversation";
import { LlmAbortedError, LlmError } from "./errors";
import { withLlmFallback } from "./fallback";
import type { CallUsage } from "./model-call";
import { engineLabel, modelFor, OFFLINE_ENGINE } from "./models";
import { RequestLog } from "./request-log";
import { DEFAULT_RETRY, type RetryOptions } from "./retry";
import type { StepDefinition } from "./steps/types";

export { MAX_REASKS, replyProblems } from "./conversation";

/**
 * The one function that runs a workflow step (docs/models.md): on the offline engine, or on a model through its
 * conversation (timeouts, retries, re-asks, tolerant reading of replies; conversation.ts), with the job's AbortSignal,
 * optional token streaming, and the step's documented fallback. Returns the typed output with its provenance: who
 * wrote it (model, fallback, offline), every request made, and the tokens (unknown where not reported).
 */
export interface StepContext {
  signal?: AbortSignal;
  onToken?: (delta: string) => void;
  /** Text streamed so far is void: a re-ask or retry writes it again from the start. */
  onStreamReset?: () => void;
  /** Per model request; default SKILL_FLEET_LLM_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Use this model instead of the configured one. */
  model?: LanguageModel;
  retry?: Partial<RetryOptions>;
  /** Tools the model may call before answering (model calls only). */
  tools?: ToolSet;
  /** Called before every HTTP request to the model (re-asks, retries, tool round trips): throw to refuse it. */
  beforeRequest?: () => void;
}

export interface StepResult<O> {
  output: O;
  usage: CallUsage;
  durationMs: number;
  engine: string;
  provenance: Provenance;
}

/** A step that failed carries what its requests were, so the timeline shows them too. */
export function provenanceOfFailure(error: unknown): Provenance | undefined {
  return error instanceof LlmError ? error.provenance : undefined;
}

/** The offline engine streams too (in lines), so the UI behaves the same with and without a model. */
function streamOffline(text: unknown, onToken?: (delta: string) => void): void {
  if (typeof text !== "string" || !onToken) return;
  for (const line of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) onToken(line);
}

function throwIfAborted(step: string, signal?: AbortSignal): void {
  if (signal?.aborted) throw new LlmAbortedError(step, signal.reason);
}

function provenance(step: string, engine: string, log: RequestLog, fallback?: { error: unknown }): Provenance {
  const reason = fallback ? (fallback.error instanceof Error ? fallback.error.message : String(fallback.error)) : null;
  return {
    step,
    source: engine === OFFLINE_ENGINE ? "offline" : fallback ? "fallback" : "model",
    engine,
    reason,
    requests: log.requests,
    tokens: log.tokens,
    strictDropped: log.requests.some((r) => r.kind === "without-strict"),
  };
}

function offlineOutput<I, O>(step: StepDefinition<I, O>, input: I, ctx: StepContext): O {
  const value = step.output.parse(step.offline(input));
  streamOffline(step.streamField ? (value as Record<string, unknown>)[step.streamField] : undefined, ctx.onToken);
  return value;
}

async function modelOutput<I, O>(
  step: StepDefinition<I, O>,
  input: I,
  choice: { engine: string; model: LanguageModel },
  ctx: StepContext,
  log: RequestLog,
): Promise<{ value: O; fallbackError?: unknown }> {
  const settings = env();
  const conversation = new ModelConversation(
    step,
    input,
    {
      model: choice.model,
      signal: ctx.signal,
      timeoutMs: ctx.timeoutMs ?? settings.SKILL_FLEET_LLM_TIMEOUT_MS,
      timeoutRetries: settings.SKILL_FLEET_LLM_TIMEOUT_RETRIES,
      maxOutputTokens: settings.SKILL_FLEET_LLM_MAX_OUTPUT_TOKENS,
      retry: { ...DEFAULT_RETRY, ...ctx.retry },
      stream: step.streamField && ctx.onToken ? { field: step.streamField, onToken: ctx.onToken } : undefined,
      onStreamReset: ctx.onStreamReset,
      tools: ctx.tools,
      beforeRequest: ctx.beforeRequest,
    },
    log,
  );
  const fallback = step.fallback;
  if (!fallback) return { value: await conversation.answer() };
  const outcome = await withLlmFallback(
    () => conversation.answer(),
    () => fallback(input),
    `step ${step.name} on ${choice.engine}`,
    { always: step.fallbackPolicy === "always" },
  );
  return { value: outcome.value, fallbackError: outcome.error };
}

export async function runStep<I, O>(
  step: StepDefinition<I, O>,
  input: I,
  ctx: StepContext = {},
): Promise<StepResult<O>> {
  const started = performance.now();
  const parsedInput = step.input.parse(input);
  throwIfAborted(step.name, ctx.signal);
  const choice = ctx.model ? { engine: engineLabel(ctx.model), model: ctx.model } : await modelFor(step.name);
  const log = new RequestLog();
  let value: O;
  let fallbackError: unknown;
  if (!choice.model) value = offlineOutput(step, parsedInput, ctx);
  else {
    try {
      ({ value, fallbackError } = await modelOutput(step, parsedInput, { ...choice, model: choice.model }, ctx, log));
    } catch (error) {
      if (error instanceof LlmError) error.provenance = provenance(step.name, choice.engine, log);
      throw error;
    }
  }
  // What the output says wrote it: the offline engine when its fallback did, never the model that failed.
  const writtenBy = fallbackError === undefined ? choice.engine : OFFLINE_ENGINE;
  const output = step.finalize ? step.finalize(value, { engine: writtenBy, input: parsedInput }) : value;
  return {
    output,
    usage: log.usage,
    durationMs: Math.round(performance.now() - started),
    engine: choice.engine,
    provenance: provenance(
      step.name,
      choice.engine,
      log,
      fallbackError === undefined ? undefined : { error: fallbackError },
    ),
  };
}
