import { type JsonObject, type ParsedRequest, type Reply } from "./types";
import { chunks, nowSeconds, objectAt, sseFrame, type ProtocolAdapter } from "./wire";

/** OpenAI Chat Completions (`POST /v1/chat/completions`), as @ai-sdk/openai `.chat` and openai-compatible send it. */
export const openaiChat: ProtocolAdapter = {
  protocol: "openai-chat",
  path: "/v1/chat/completions",
  parse,
  json: completion,
  frames: completionChunks,
};

function parse(body: JsonObject): ParsedRequest {
  const format = objectAt(body, "response_format");
  const jsonSchema = format?.type === "json_schema" ? objectAt(format, "json_schema") : undefined;
  const schema = objectAt(jsonSchema, "schema");
  return {
    stream: body.stream === true,
    includeUsage: objectAt(body, "stream_options")?.include_usage === true,
    schema,
    schemaSource: schema ? "response_format" : undefined,
    schemaName: typeof jsonSchema?.name === "string" ? jsonSchema.name : undefined,
    strict: jsonSchema?.strict === true,
    messages: body.messages,
    model: String(body.model ?? "stub-model"),
  };
}

function finishReason(reply: Reply): string {
  return reply.finish === "length" ? "length" : "stop";
}

function usage(reply: Reply): JsonObject | undefined {
  if (!reply.usage) return undefined;
  const { input, output } = reply.usage;
  return { prompt_tokens: input, completion_tokens: output, total_tokens: input + output };
}

function completion(reply: Reply, request: ParsedRequest, id: string): JsonObject {
  const message = { role: "assistant", content: reply.text, refusal: null };
  return {
    id,
    object: "chat.completion",
    created: nowSeconds(),
    model: request.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason(reply) }],
    ...(reply.usage ? { usage: usage(reply) } : {}),
  };
}

/** Usage travels only in a last chunk with no choices, and only when the request asked for it, as OpenAI does. */
function completionChunks(reply: Reply, request: ParsedRequest, id: string, chunkSize: number): string[] {
  const base = { id, object: "chat.completion.chunk", created: nowSeconds(), model: request.model };
  const choice = (delta: JsonObject, finish: string | null) => ({ index: 0, delta, finish_reason: finish });
  const frames = [sseFrame({ ...base, choices: [choice({ role: "assistant", content: "" }, null)] })];
  for (const part of chunks(reply.text, chunkSize))
    frames.push(sseFrame({ ...base, choices: [choice({ content: part }, null)] }));
  frames.push(sseFrame({ ...base, choices: [choice({}, finishReason(reply))] }));
  if (request.includeUsage && reply.usage) frames.push(sseFrame({ ...base, choices: [], usage: usage(reply) }));
  frames.push(sseFrame("[DONE]"));
  return frames;
}
