import { type Mode, type Reply, type StubUsage } from "./types";

/** The modes that produce a reply body (the others are decided before a reply exists). */
export type ReplyMode = Extract<Mode, "good" | "fenced" | "prose" | "wrong-types" | "truncated" | "empty" | "no-usage">;

export const PROSE_BEFORE = "Sure! Here is the JSON you asked for:";
export const PROSE_AFTER = "Let me know if you need anything else.";

/** Builds the reply a mode sends for a good answer `value`, with deterministic usage. */
export function buildReply(mode: ReplyMode, value: unknown, requestBodyLength: number): Reply {
  const reply = replyFor(mode, value);
  const usage = mode === "no-usage" ? undefined : usageFor(requestBodyLength, reply.text);
  return { ...reply, usage };
}

function replyFor(mode: ReplyMode, value: unknown): Omit<Reply, "usage"> {
  const json = toText(value);
  switch (mode) {
    case "fenced":
      return { text: "```json\n" + json + "\n```", value: undefined, finish: "stop" };
    case "prose":
      return { text: `${PROSE_BEFORE}\n\n${json}\n\n${PROSE_AFTER}`, value: undefined, finish: "stop" };
    case "wrong-types": {
      const wrong = wrongTypes(value);
      return { text: toText(wrong), value: wrong, finish: "stop" };
    }
    case "truncated":
      return { text: json.slice(0, Math.floor(json.length / 2)), value: undefined, finish: "length" };
    case "empty":
      return { text: "", value: undefined, finish: "stop" };
    default:
      return { text: json, value, finish: "stop" };
  }
}

/** A string answer is sent as it is (a plain-text reply); anything else as its JSON. */
function toText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Token counts from lengths (about four characters a token), so they are deterministic and never zero. */
export function usageFor(requestBodyLength: number, replyText: string): StubUsage {
  return { input: Math.max(1, Math.ceil(requestBodyLength / 4)), output: Math.max(1, Math.ceil(replyText.length / 4)) };
}

/**
 * Valid JSON with the wrong type in every leaf: numbers and booleans as strings, arrays as one joined string,
 * strings as numbers. Objects keep their keys so that the failure is about types, not missing fields.
 */
export function wrongTypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => toText(item)).join(", ");
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, wrongTypes(child)]));
  }
  if (typeof value === "string") return value.length;
  if (value === null) return "null";
  return String(value);
}
