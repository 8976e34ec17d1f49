import type { LanguageModel, ModelMessage, ToolSet } from "ai";
import type { z } from "zod";
import { env } from "../common/env";
import { withLlmFallback } from "./fallback";
import { LlmAbortedError, LlmSchemaError } from "./errors";
import { callModel, type CallUsage, type ModelCallRequest, type ModelCallResult } from "./model-call";
import { engineLabel, modelFor, OFFLINE_ENGINE } from "./models";
import { promptCanary } from "./prompts/data";
import { DEFAULT_RETRY, withTransportRetry, type RetryOptions } from "./retry";
import { SCRIPTED_PROVIDER } from "./providers";
import type { StepDefinition } from "./steps/types";

/**
 * The one function that runs a workflow step (docs/architecture.md, Models): on the offline engine, or on a model with
 * a timeout, the job's AbortSignal, transport retries with backoff, up to 2 re-asks quoting the schema errors, optional
 * token streaming, and the step's documented fallback. Returns the typed output with usage and duration.
 */
export interface StepContext {
  signal?: AbortSignal;
  onToken?: (delta: string) => void;
  /** Per model call; default SKILL_FLEET_LLM_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Use this model instead of the configured one. */
  model?: LanguageModel;
  retry?: Partial<RetryOptions>;
  /** Tools the model may call before answering (model calls only). */
  tools?: ToolSet;
}

export interface StepResult<O> {
  output: O;
  usage: CallUsage;
  durationMs: number;
  engine: string;
  attempts: number;
  usedFallback: boolean;
}

export const MAX_REASKS = 2;

interface Tally {
  usage: CallUsage;
  attempts: number;
}

function addUsage(tally: Tally, usage: CallUsage): void {
  tally.usage = {
    inputTokens: tally.usage.inputTokens + usage.inputTokens,
    outputTokens: tally.usage.outputTokens + usage.outputTokens,
    totalTokens: tally.usage.totalTokens + usage.totalTokens,
  };
}

/** Problems of a reply, in words the model can act on; empty when it fits. */
export function replyProblems<O>(
  schema: z.ZodType<O>,
  result: Pick<ModelCallResult, "output" | "text">,
): { value?: O; problems: string[] } {
  let candidate = result.output;
  if (candidate === undefined) {
    try {
      candidate = JSON.parse(result.text);
    } catch (error) {
      return { problems: [`the reply is not valid JSON (${error instanceof Error ? error.message : String(error)})`] };
    }
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

/** One structured call's request: the conversation so far, limits, streaming, and the scripted model's hints. */
function modelRequest<I, O>(
  step: StepDefinition<I, O>,
  input: I,
  model: LanguageModel,
  ctx: StepContext,
  conversation: { system: string; messages: ModelMessage[] },
): ModelCallRequest {
  const scripted = typeof model !== "string" && model.provider === SCRIPTED_PROVIDER;
  return {
    step: step.name,
    model,
    schema: step.output,
    ...conversation,
    signal: ctx.signal,
    timeoutMs: ctx.timeoutMs ?? env().SKILL_FLEET_LLM_TIMEOUT_MS,
    stream: step.streamField && ctx.onToken ? { field: step.streamField, onToken: ctx.onToken } : undefined,
    providerOptions: scripted ? { [SCRIPTED_PROVIDER]: { step: step.name, input: JSON.stringify(input) } } : undefined,
    tools: ctx.tools,
  };
}

async function askModel<I, O>(
  step: StepDefinition<I, O>,
  input: I,
  model: LanguageModel,
  ctx: StepContext,
  tally: Tally,
): Promise<O> {
  const { system, prompt } = step.prompt(input);
  const messages: ModelMessage[] = [{ role: "user", content: prompt }];
  const retry = { ...DEFAULT_RETRY, ...ctx.retry };
  let problems: string[] = [];
  for (let ask = 0; ask <= MAX_REASKS; ask++) {
    const request = modelRequest(step, input, model, ctx, { system, messages });
    const { value: result, attempts } = await withTransportRetry(
      step.name,
      () => callModel(request),
      retry,
      ctx.signal,
    );
    tally.attempts += attempts;
    addUsage(tally, result.usage);
    const checked = replyProblems(step.output, result);
    if (checked.value !== undefined) return checked.value;
    problems = checked.problems;
    messages.push(...reask(result.text, problems));
  }
  throw new LlmSchemaError(step.name, MAX_REASKS + 1, problems, String(messages.at(-2)?.content ?? ""));
}

/** The offline engine streams too (in lines), so the UI behaves the same with and without a model. */
function streamOffline(text: unknown, onToken?: (delta: string) => void): void {
  if (typeof text !== "string" || !onToken) return;
  for (const line of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) onToken(line);
}

function throwIfAborted(step: string, signal?: AbortSignal): void {
  if (signal?.aborted) throw new LlmAbortedError(step, signal.reason);
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
  const tally: Tally = { usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 }, attempts: 0 };
  let value: O;
  let usedFallback = false;
  if (!choice.model) {
    value = step.output.parse(step.offline(parsedInput));
    streamOffline(step.streamField ? (value as Record<string, unknown>)[step.streamField] : undefined, ctx.onToken);
    tally.attempts = 1;
  } else {
    const model = choice.model;
    const run = () => askModel(step, parsedInput, model, ctx, tally);
    const fallback = step.fallback;
    ({ value, usedFallback } = fallback
      ? await withLlmFallback(run, () => fallback(parsedInput), `step ${step.name} on ${choice.engine}`, {
          always: step.fallbackPolicy === "always",
        })
      : { value: await run(), usedFallback: false });
  }
  const output = step.finalize
    ? step.finalize(value, { engine: choice.engine ?? OFFLINE_ENGINE, input: parsedInput })
    : value;
  return {
    output,
    usage: tally.usage,
    durationMs: Math.round(performance.now() - started),
    engine: choice.engine,
    attempts: tally.attempts,
    usedFallback,
  };
}
