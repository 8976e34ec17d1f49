import { setTimeout as sleep } from "node:timers/promises";
import { APICallError, type LanguageModel } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import type {
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
} from "@ai-sdk/provider";
import { SCRIPTED_PROVIDER } from "../../server/llm/providers";
import { STEPS } from "../../server/llm/steps/index";
import type { StepName } from "../../server/llm/steps/names";
import { EVAL_STEPS, evalAnswer, evalScript } from "./evals";
import { MODEL_ONLY_STEPS, modelAnswer } from "./finished";
import { offlineReply, type ScriptedReply, type StepScript } from "./replies";
import { scenarioFor, type Scenario } from "./scenarios";

/**
 * The scripted model: the AI SDK's mock language model answering each step from a scenario. run-step tells it
 * which step is asking, and with which input, through `providerOptions.scripted` (only sent to this model).
 */

export interface CallInfo {
  step: StepName;
  input: unknown;
  toolResults: string[];
}

/** The text of the tool results already in the conversation (a tool round trip asks the model again). */
function toolResults(options: LanguageModelV3CallOptions): string[] {
  return options.prompt.flatMap((message) =>
    message.role === "tool"
      ? message.content.flatMap((part) =>
          part.type === "tool-result" && part.output.type === "text" ? [part.output.value] : [],
        )
      : [],
  );
}

function callInfo(options: LanguageModelV3CallOptions): CallInfo {
  const scripted = options.providerOptions?.[SCRIPTED_PROVIDER] as { step?: string; input?: string } | undefined;
  if (!scripted?.step || !(scripted.step in STEPS))
    throw new Error("scripted model: the call does not say which step it is");
  return {
    step: scripted.step as StepName,
    input: JSON.parse(scripted.input ?? "null"),
    toolResults: toolResults(options),
  };
}

/**
 * The default answer: the offline engine's, except where it refuses to play a model (writing and judging). Also
 * what the provider stub answers over HTTP (tests/support/provider-stub), so both kinds of test model agree.
 */
export function scriptedAnswer(info: CallInfo): unknown {
  if (MODEL_ONLY_STEPS.has(info.step)) return modelAnswer(info.step, info.input);
  if (EVAL_STEPS.has(info.step)) return evalAnswer(info.step, info.input, info.toolResults);
  const step = STEPS[info.step] as { offline(input: unknown): unknown };
  return step.offline(info.input);
}

const wait = (ms: number, signal?: AbortSignal): Promise<void> => sleep(ms, undefined, { signal });

type Said = { text: string } | { toolCall: { toolName: string; input: string } };

/** Resolves a reply to what the model "says" (text or a tool call), or throws like a provider would. */
async function replyOf(reply: ScriptedReply, signal?: AbortSignal): Promise<Said> {
  if (reply.kind === "tool-call") return { toolCall: { toolName: reply.toolName, input: JSON.stringify(reply.input) } };
  if (reply.kind === "delay") {
    await wait(reply.ms, signal);
    return replyOf(reply.then, signal);
  }
  return { text: await replyText(reply, signal) };
}

async function replyText(reply: ScriptedReply, signal?: AbortSignal): Promise<string> {
  switch (reply.kind) {
    case "output":
      return JSON.stringify(reply.value);
    case "text":
      return reply.text;
    case "error":
      throw new APICallError({
        message: reply.message ?? `scripted HTTP ${reply.status}`,
        url: "scripted://model",
        requestBodyValues: {},
        statusCode: reply.status,
        responseHeaders: reply.retryAfter ? { "retry-after": reply.retryAfter } : {},
        isRetryable: reply.status === 429 || reply.status >= 500,
      });
    case "throw":
      throw new Error(reply.message);
    case "hang":
      return wait(2 ** 31 - 1, signal).then(() => "");
    case "delay":
      await wait(reply.ms, signal);
      return replyText(reply.then, signal);
    case "tool-call":
      throw new Error("scripted model: a tool call cannot be streamed");
  }
}

const usage = (prompt: number, text: string) => ({
  inputTokens: {
    total: Math.ceil(prompt / 4),
    noCache: Math.ceil(prompt / 4),
    cacheRead: undefined,
    cacheWrite: undefined,
  },
  outputTokens: { total: Math.ceil(text.length / 4), text: Math.ceil(text.length / 4), reasoning: undefined },
});

function streamParts(text: string, promptSize: number): LanguageModelV3StreamPart[] {
  const pieces = text.match(/[\s\S]{1,40}/g) ?? [];
  return [
    { type: "text-start", id: "t" },
    ...pieces.map((delta): LanguageModelV3StreamPart => ({ type: "text-delta", id: "t", delta })),
    { type: "text-end", id: "t" },
    { type: "finish", finishReason: { unified: "stop", raw: undefined }, usage: usage(promptSize, text) },
  ];
}

/** A generate call's result: the text, or a tool call (the SDK runs the tool and asks again). */
function generateResult(reply: Said, promptSize: number, callId: string): LanguageModelV3GenerateResult {
  if ("toolCall" in reply)
    return {
      content: [{ type: "tool-call", toolCallId: callId, ...reply.toolCall }],
      finishReason: { unified: "tool-calls", raw: undefined },
      usage: usage(promptSize, reply.toolCall.input),
      warnings: [],
    };
  return {
    content: [{ type: "text", text: reply.text }],
    finishReason: { unified: "stop", raw: undefined },
    usage: usage(promptSize, reply.text),
    warnings: [],
  };
}

export interface ScriptedModelOptions {
  /** Per-step scripts that take precedence over the scenario's. */
  steps?: Partial<Record<StepName, StepScript>>;
  /** Called when a call has its reply (tests count the calls a model finished, e.g. across a restart). */
  onReply?: (step: StepName) => void;
}

/** A scripted model for a named scenario or an inline one (tests). */
export function createScriptedModel(scenario: string | Scenario, options: ScriptedModelOptions = {}): LanguageModel {
  const resolved = typeof scenario === "string" ? scenarioFor(scenario) : scenario;
  if (!resolved) throw new Error(`unknown scripted scenario "${String(scenario)}"`);
  const counts = new Map<StepName, number>();
  const said = async (options_: LanguageModelV3CallOptions): Promise<Said> => {
    const info = callInfo(options_);
    const index = counts.get(info.step) ?? 0;
    counts.set(info.step, index + 1);
    const fallback = EVAL_STEPS.has(info.step) ? evalScript : offlineReply;
    const script = options.steps?.[info.step] ?? resolved.steps[info.step] ?? resolved.everyStep ?? fallback;
    const reply = await replyOf(script({ ...info, index, offline: () => scriptedAnswer(info) }), options_.abortSignal);
    options.onReply?.(info.step);
    return reply;
  };
  const promptSize = (o: LanguageModelV3CallOptions) => JSON.stringify(o.prompt).length;
  return new MockLanguageModelV3({
    provider: SCRIPTED_PROVIDER,
    modelId: typeof scenario === "string" ? scenario : "inline",
    doGenerate: async (o) => generateResult(await said(o), promptSize(o), `call-${promptSize(o)}`),
    doStream: async (o) => {
      const reply = await said(o);
      if (!("text" in reply)) throw new Error("scripted model: a tool call cannot be streamed");
      const text = reply.text;
      return {
        stream: new ReadableStream({
          start: (c) => (streamParts(text, promptSize(o)).forEach((p) => c.enqueue(p)), c.close()),
        }),
      };
    },
  });
}
