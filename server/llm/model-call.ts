import {
  generateText,
  NoObjectGeneratedError,
  Output,
  stepCountIs,
  streamText,
  type LanguageModel,
  type ModelMessage,
  type ToolSet,
} from "ai";
import type { z } from "zod";
import { LlmAbortedError, LlmTimeoutError } from "./errors";

/**
 * One request to a model for a structured answer. A reply that does not parse or fit the schema is not an
 * error here: the raw text comes back so run-step can re-ask with the problems. Transport errors are thrown.
 */
export interface CallUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

export interface ModelCallRequest {
  step: string;
  model: LanguageModel;
  schema: z.ZodType;
  system: string;
  messages: ModelMessage[];
  timeoutMs: number;
  signal?: AbortSignal;
  /** Set to stream this output field's text as tokens. */
  stream?: { field: string; onToken: (delta: string) => void };
  /** Extra provider options (the scripted model reads which step is asking). */
  providerOptions?: Record<string, Record<string, string>>;
  /** Tools the model may call before it answers (an eval reads a skill's files with read_file). */
  tools?: ToolSet;
}

/** Tool calls a model may make in one request before it must answer. */
export const MAX_TOOL_STEPS = 8;

export interface ModelCallResult {
  /** The parsed object when the SDK could parse and validate it, else undefined. */
  output: unknown;
  text: string;
  usage: CallUsage;
}

type SdkUsage = { inputTokens?: number; outputTokens?: number; totalTokens?: number } | undefined;

export function toUsage(usage: SdkUsage): CallUsage {
  const inputTokens = usage?.inputTokens ?? 0;
  const outputTokens = usage?.outputTokens ?? 0;
  return { inputTokens, outputTokens, totalTokens: usage?.totalTokens ?? inputTokens + outputTokens };
}

// OpenAI's strict JSON-schema mode rejects optional keys and records; our zod check after the call is the
// enforcement, so strict mode is off and the schema is a strong hint.
const PROVIDER_DEFAULTS = { openai: { strictJsonSchema: false } };

function settings(request: ModelCallRequest, signal: AbortSignal) {
  return {
    model: request.model,
    system: request.system,
    messages: request.messages,
    output: Output.object({ schema: request.schema }),
    abortSignal: signal,
    maxRetries: 0,
    providerOptions: { ...PROVIDER_DEFAULTS, ...request.providerOptions },
    ...(request.tools ? { tools: request.tools, stopWhen: stepCountIs(MAX_TOOL_STEPS) } : {}),
  };
}

async function generate(request: ModelCallRequest, signal: AbortSignal): Promise<ModelCallResult> {
  try {
    const result = await generateText(settings(request, signal));
    return { output: result.output, text: result.text, usage: toUsage(result.totalUsage) };
  } catch (error) {
    if (!NoObjectGeneratedError.isInstance(error)) throw error;
    return { output: undefined, text: error.text ?? "", usage: toUsage(error.usage) };
  }
}

async function stream(
  request: ModelCallRequest,
  signal: AbortSignal,
  field: string,
  onToken: (delta: string) => void,
): Promise<ModelCallResult> {
  let failure: unknown;
  const result = streamText({ ...settings(request, signal), onError: ({ error }) => void (failure ??= error) });
  let sent = "";
  for await (const partial of result.partialOutputStream) {
    const value = (partial as Record<string, unknown> | undefined)?.[field];
    if (typeof value !== "string" || !value.startsWith(sent) || value.length === sent.length) continue;
    onToken(value.slice(sent.length));
    sent = value;
  }
  if (failure !== undefined) throw failure;
  const text = await result.text;
  const usage = toUsage(await result.totalUsage);
  try {
    return { output: await result.output, text, usage };
  } catch (error) {
    if (!NoObjectGeneratedError.isInstance(error)) throw error;
    return { output: undefined, text, usage };
  }
}

/** Runs one call under a timeout and the caller's signal, telling a timeout from a cancellation. */
export async function callModel(request: ModelCallRequest): Promise<ModelCallResult> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  try {
    const run = request.stream
      ? stream(request, signal, request.stream.field, request.stream.onToken)
      : generate(request, signal);
    return await run;
  } catch (error) {
    if (request.signal?.aborted) throw new LlmAbortedError(request.step, error);
    if (timeout.aborted) throw new LlmTimeoutError(request.step, request.timeoutMs);
    throw error;
  }
}
