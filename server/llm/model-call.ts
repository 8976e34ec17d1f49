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
import { wireSchema } from "./wire-schema";

/**
 * One structured call to a model: one HTTP request, or one per tool round trip when tools are given. A reply that
 * does not parse or fit the schema is not an error here: the raw text comes back (with its finish reason) so run-step
 * can read it tolerantly or re-ask. Transport errors are thrown.
 */
export interface CallUsage {
  /** Undefined where the provider did not report the count (unknown, never 0). */
  inputTokens?: number;
  outputTokens?: number;
  totalTokens?: number;
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
  /** false: ask for JSON-schema output without strict mode (after a server refused the strict schema). */
  strict?: boolean;
  /** The output budget of this request (unset: the provider's default). */
  maxOutputTokens?: number;
  /** Called before each tool round trip's request (the first is the caller's own): it may refuse by throwing. */
  beforeRoundTrip?: () => void;
}

/** Tool calls a model may make in one request before it must answer. */
export const MAX_TOOL_STEPS = 8;

export interface ModelCallResult {
  /** The parsed object when the SDK could parse and validate it, else undefined. */
  output: unknown;
  text: string;
  usage: CallUsage;
  /** The provider's finish reason: `length` means the reply was cut at the output budget. */
  finishReason: string | undefined;
  /** HTTP requests this call made (more than 1 with tool round trips). */
  requests: number;
}

type SdkUsage = { inputTokens?: number; outputTokens?: number; totalTokens?: number } | undefined;

export function toUsage(usage: SdkUsage): CallUsage {
  const { inputTokens, outputTokens } = usage ?? {};
  const total =
    usage?.totalTokens ??
    (inputTokens !== undefined && outputTokens !== undefined ? inputTokens + outputTokens : undefined);
  return { inputTokens, outputTokens, totalTokens: total };
}

/** Which step is asking travels as a header too, so a gateway's logs (and the conformance stub) tell steps apart. */
export const STEP_HEADER = "x-skill-fleet-step";

/**
 * Strict JSON-schema mode is asked of OpenAI and OpenAI-compatible servers (our step schemas are valid in its subset:
 * docs/models.md); a server that refuses it gets the request again without it (run-step).
 */
function strictOptions(strict: boolean) {
  return { openai: { strictJsonSchema: strict }, openaiCompatible: { strictJsonSchema: strict } };
}

function settings(request: ModelCallRequest, signal: AbortSignal) {
  const beforeRoundTrip = request.beforeRoundTrip;
  return {
    model: request.model,
    system: request.system,
    messages: request.messages,
    // The schema as sent is valid in OpenAI's strict subset (wire-schema.ts); the step's zod schema still decides.
    output: Output.object({ schema: wireSchema(request.schema) }),
    abortSignal: signal,
    maxRetries: 0,
    headers: { [STEP_HEADER]: request.step },
    maxOutputTokens: request.maxOutputTokens,
    providerOptions: { ...strictOptions(request.strict ?? true), ...request.providerOptions },
    ...(request.tools
      ? {
          tools: request.tools,
          stopWhen: stepCountIs(MAX_TOOL_STEPS),
          prepareStep: ({ stepNumber }: { stepNumber: number }) => {
            if (stepNumber > 0) beforeRoundTrip?.();
            return undefined;
          },
        }
      : {}),
  };
}

async function generate(request: ModelCallRequest, signal: AbortSignal): Promise<ModelCallResult> {
  try {
    const result = await generateText(settings(request, signal));
    return {
      output: result.output,
      text: result.text,
      usage: toUsage(result.totalUsage),
      finishReason: result.finishReason,
      requests: Math.max(1, result.steps.length),
    };
  } catch (error) {
    if (!NoObjectGeneratedError.isInstance(error)) throw error;
    return {
      output: undefined,
      text: error.text ?? "",
      usage: toUsage(error.usage),
      finishReason: error.finishReason,
      requests: 1,
    };
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
  const finishReason = await result.finishReason;
  const requests = Math.max(1, (await result.steps).length);
  try {
    return { output: await result.output, text, usage, finishReason, requests };
  } catch (error) {
    if (!NoObjectGeneratedError.isInstance(error)) throw error;
    return { output: undefined, text, usage, finishReason, requests };
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
