import { type JsonObject, type ParsedRequest, type Reply } from "./types";
import { chunks, isObject, objectAt, sseFrame, type ProtocolAdapter } from "./wire";

/**
 * Anthropic Messages (`POST /v1/messages`). @ai-sdk/anthropic asks for structured output in one of two ways, and the
 * stub answers in the same one: `output_config.format` (json_schema) for models it knows support it (a text reply),
 * or a forced tool named `json` with the schema as `input_schema` (a tool_use reply, which the SDK turns into text).
 */
export const anthropicMessages: ProtocolAdapter = {
  protocol: "anthropic-messages",
  path: "/v1/messages",
  parse,
  json: messageBody,
  frames: messageEvents,
};

function jsonTool(body: JsonObject): JsonObject | undefined {
  const tools = Array.isArray(body.tools) ? body.tools : [];
  return tools.find((tool): tool is JsonObject => isObject(tool) && tool.name === "json");
}

function parse(body: JsonObject): ParsedRequest {
  const formatSchema = objectAt(objectAt(objectAt(body, "output_config"), "format"), "schema");
  const toolSchema = objectAt(jsonTool(body), "input_schema");
  const schema = formatSchema ?? toolSchema;
  return {
    stream: body.stream === true,
    includeUsage: false,
    schema,
    schemaSource: formatSchema ? "output_config" : toolSchema ? "json_tool" : undefined,
    schemaName: undefined,
    strict: false,
    messages: body.messages,
    model: String(body.model ?? "stub-model"),
  };
}

/** The `json` tool carries an object answer; malformed answers (fences, prose, cut JSON) come back as text. */
function asToolInput(reply: Reply, request: ParsedRequest): JsonObject | undefined {
  return request.schemaSource === "json_tool" && isObject(reply.value) ? reply.value : undefined;
}

function stopReason(reply: Reply, toolInput: JsonObject | undefined): string {
  if (reply.finish === "length") return "max_tokens";
  return toolInput ? "tool_use" : "end_turn";
}

function content(reply: Reply, id: string, toolInput: JsonObject | undefined): JsonObject[] {
  if (toolInput) return [{ type: "tool_use", id: `toolu_${id}`, name: "json", input: toolInput }];
  return reply.text === "" ? [] : [{ type: "text", text: reply.text }];
}

function messageBody(reply: Reply, request: ParsedRequest, id: string): JsonObject {
  const toolInput = asToolInput(reply, request);
  return {
    id: `msg_${id}`,
    type: "message",
    role: "assistant",
    model: request.model,
    content: content(reply, id, toolInput),
    stop_reason: stopReason(reply, toolInput),
    stop_sequence: null,
    ...(reply.usage ? { usage: { input_tokens: reply.usage.input, output_tokens: reply.usage.output } } : {}),
  };
}

function blockFrames(reply: Reply, id: string, toolInput: JsonObject | undefined, chunkSize: number): string[] {
  const frame = (type: string, data: JsonObject) => sseFrame({ type, ...data }, type);
  if (!toolInput && reply.text === "") return [];
  const block = toolInput
    ? { type: "tool_use", id: `toolu_${id}`, name: "json", input: {} }
    : { type: "text", text: "" };
  const deltas = chunks(toolInput ? JSON.stringify(toolInput) : reply.text, chunkSize).map((part) =>
    frame("content_block_delta", {
      index: 0,
      delta: toolInput ? { type: "input_json_delta", partial_json: part } : { type: "text_delta", text: part },
    }),
  );
  return [
    frame("content_block_start", { index: 0, content_block: block }),
    ...deltas,
    frame("content_block_stop", { index: 0 }),
  ];
}

/** Input tokens in message_start and output tokens in message_delta, as the Messages stream reports them. */
function messageEvents(reply: Reply, request: ParsedRequest, id: string, chunkSize: number): string[] {
  const frame = (type: string, data: JsonObject) => sseFrame({ type, ...data }, type);
  const toolInput = asToolInput(reply, request);
  const start: JsonObject = { ...messageBody(reply, request, id), content: [], stop_reason: null };
  if (reply.usage) start.usage = { input_tokens: reply.usage.input, output_tokens: 1 };
  return [
    frame("message_start", { message: start }),
    frame("ping", {}),
    ...blockFrames(reply, id, toolInput, chunkSize),
    frame("message_delta", {
      delta: { stop_reason: stopReason(reply, toolInput), stop_sequence: null },
      ...(reply.usage ? { usage: { output_tokens: reply.usage.output } } : {}),
    }),
    frame("message_stop", {}),
  ];
}
