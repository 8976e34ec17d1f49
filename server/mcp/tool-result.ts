import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { isDomainError } from "../common/errors";
import { loggerFor, userText } from "../common/logger";

/**
 * Tool answers. A value is returned as JSON text (what every MCP client shows) and as structured content; a
 * domain error (NOT_FOUND, RATE_LIMITED, BAD_REQUEST…) becomes a tool error naming its code, the way the tRPC API
 * maps it to a status; anything else is logged and reported without internals (docs/distribution.md).
 */
export function jsonResult(value: Record<string, unknown>): CallToolResult {
  return { content: [{ type: "text", text: JSON.stringify(value, null, 2) }], structuredContent: value };
}

export function errorResult(error: unknown): CallToolResult {
  if (isDomainError(error))
    return { isError: true, content: [{ type: "text", text: `${error.code}: ${error.message}` }] };
  loggerFor("mcp").error({ err: userText(error, 2_000) }, "tool failed");
  return { isError: true, content: [{ type: "text", text: "INTERNAL: the tool failed; see the server log." }] };
}

/** Runs a tool body and turns its value or its error into a tool result. */
export async function toolResult(body: () => Promise<Record<string, unknown>>): Promise<CallToolResult> {
  try {
    return jsonResult(await body());
  } catch (error) {
    return errorResult(error);
  }
}
