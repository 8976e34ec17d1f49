import type { StepName } from "../../server/llm/steps/names";

/**
 * What the scripted model answers to one call. Scenarios (scenarios.ts) and tests compose these; the helpers
 * below cover the common scripts (fail N times, malformed JSON, a sequence).
 */
export type ScriptedReply =
  | { kind: "output"; value: unknown }
  | { kind: "text"; text: string }
  | { kind: "error"; status: number; message?: string; retryAfter?: string }
  | { kind: "throw"; message: string }
  | { kind: "hang" }
  /** Calls a tool the request offers (the SDK runs it and asks again with its result). */
  | { kind: "tool-call"; toolName: string; input: unknown }
  | { kind: "delay"; ms: number; then: ScriptedReply };

export interface ScriptedCall {
  step: StepName;
  input: unknown;
  /** The offline engine's answer to this input: the default reply. */
  offline: () => unknown;
  /** 0 for the first call of this step on this model instance, then 1, 2, … */
  index: number;
  /** What the tools called earlier in this request returned, as text, in order. */
  toolResults: string[];
}

export type StepScript = (call: ScriptedCall) => ScriptedReply;

export const output = (value: unknown): ScriptedReply => ({ kind: "output", value });
export const offlineReply: StepScript = (call) => output(call.offline());

/** Replies in order by call index; the last one repeats. */
export function sequence(...replies: (ScriptedReply | StepScript)[]): StepScript {
  return (call) => {
    const reply = replies[Math.min(call.index, replies.length - 1)] ?? {
      kind: "throw",
      message: "empty scripted sequence",
    };
    return typeof reply === "function" ? reply(call) : reply;
  };
}

/** Fails `times` times with HTTP `status`, then answers like the offline engine. */
export function failTimes(times: number, status = 503, retryAfter?: string): StepScript {
  return (call) => (call.index < times ? { kind: "error", status, retryAfter } : offlineReply(call));
}

/** Answers `text` (not valid for the schema) `times` times, then a valid answer. */
export function malformedTimes(times: number, text = '{"not": "what you asked for"'): StepScript {
  return (call) => (call.index < times ? { kind: "text", text } : offlineReply(call));
}

/** Waits `ms` before answering (honours cancellation). */
export function delayed(ms: number, script: StepScript = offlineReply): StepScript {
  return (call) => ({ kind: "delay", ms, then: script(call) });
}
