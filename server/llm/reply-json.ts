import { jsonrepair } from "jsonrepair";

/**
 * Reads the JSON value out of a model's reply as real models write it (docs/models.md, Replies): bare, inside a
 * ```json fence, after or before a sentence of prose, with trailing commas or comments. The repair is jsonrepair's (a
 * maintained tolerant parser); we only choose the span it repairs: the outermost braces. A reply with no object in
 * it, or one whose span does not repair to an object, is not guessed at: the caller re-asks with the parse error.
 */
export type ReplyJson = { ok: true; value: unknown; repaired: boolean } | { ok: false; error: string };

function strictParse(text: string): ReplyJson | undefined {
  try {
    return { ok: true, value: JSON.parse(text), repaired: false };
  } catch {
    return undefined;
  }
}

/** The span from the first `{` to the last `}` (or the end, for an object left open): fences and prose sit outside. */
function objectSpan(text: string): string | undefined {
  const start = text.indexOf("{");
  if (start < 0) return undefined;
  const end = text.lastIndexOf("}");
  return end > start ? text.slice(start, end + 1) : text.slice(start);
}

function repaired(span: string): ReplyJson {
  try {
    const value: unknown = JSON.parse(jsonrepair(span));
    if (typeof value !== "object" || value === null || Array.isArray(value))
      return { ok: false, error: "the reply holds no JSON object" };
    return { ok: true, value, repaired: true };
  } catch (error) {
    return {
      ok: false,
      error: `the reply is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

export function readReplyJson(text: string): ReplyJson {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: "the reply was empty" };
  const exact = strictParse(trimmed);
  if (exact) return exact;
  const span = objectSpan(trimmed);
  if (span === undefined) return { ok: false, error: "the reply holds no JSON object" };
  return strictParse(span) ?? repaired(span);
}
