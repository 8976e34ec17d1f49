import { type JsonObject, type Protocol } from "./types";

/** An HTTP error reply in a provider's own error JSON. */
export interface WireError {
  status: number;
  body: JsonObject;
}

type ErrorKind = "rate-limited" | "server-error" | "not-found";

const OPENAI: Record<ErrorKind, WireError> = {
  "rate-limited": openai(
    429,
    "Rate limit reached for requests. Please try again later.",
    "requests",
    "rate_limit_exceeded",
  ),
  "server-error": openai(
    500,
    "The server had an error while processing your request. Sorry about that!",
    "server_error",
  ),
  "not-found": openai(
    404,
    "Unknown request URL. The provider stub serves only the three wire protocols.",
    "invalid_request_error",
  ),
};

const ANTHROPIC: Record<ErrorKind, WireError> = {
  "rate-limited": anthropic(429, "rate_limit_error", "Number of requests has exceeded your rate limit."),
  "server-error": anthropic(500, "api_error", "Internal server error"),
  "not-found": anthropic(404, "not_found_error", "Not found"),
};

function openai(status: number, message: string, type: string, code: string | null = null): WireError {
  return { status, body: { error: { message, type, param: null, code } } };
}

function anthropic(status: number, type: string, message: string): WireError {
  return { status, body: { type: "error", error: { type, message } } };
}

export function errorReply(protocol: Protocol | "unknown", kind: ErrorKind): WireError {
  return protocol === "anthropic-messages" ? ANTHROPIC[kind] : OPENAI[kind];
}

/** The 400 OpenAI sends when a strict json_schema falls outside its strict subset (Responses names `text.format`). */
export function strictSchemaError(protocol: Protocol, name: string, problems: string[]): WireError {
  const param = protocol === "openai-responses" ? "text.format.schema" : "response_format";
  const message = `Invalid schema for response_format '${name}': ${problems.join("; ")}`;
  return { status: 400, body: { error: { message, type: "invalid_request_error", param, code: null } } };
}
