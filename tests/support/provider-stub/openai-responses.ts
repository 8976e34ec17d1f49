import { type JsonObject, type ParsedRequest, type Reply } from "./types";
import { chunks, nowSeconds, objectAt, sseFrame, type ProtocolAdapter } from "./wire";

/** The OpenAI Responses API (`POST /v1/responses`), as @ai-sdk/openai's default (`openai(id)`) model sends it. */
export const openaiResponses: ProtocolAdapter = {
  protocol: "openai-responses",
  path: "/v1/responses",
  parse,
  json: responseBody,
  frames: responseEvents,
};

function parse(body: JsonObject): ParsedRequest {
  const format = objectAt(objectAt(body, "text"), "format");
  const schema = format?.type === "json_schema" ? objectAt(format, "schema") : undefined;
  return {
    stream: body.stream === true,
    includeUsage: false,
    schema,
    schemaSource: schema ? "text.format" : undefined,
    schemaName: typeof format?.name === "string" ? format.name : undefined,
    strict: format?.strict === true,
    messages: body.input,
    model: String(body.model ?? "stub-model"),
  };
}

function usage(reply: Reply): JsonObject | undefined {
  if (!reply.usage) return undefined;
  const { input, output } = reply.usage;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: input + output,
  };
}

/** A cut reply is `incomplete` with reason max_output_tokens, which the SDK maps to finishReason "length". */
function envelope(reply: Reply, request: ParsedRequest, id: string, output: JsonObject[]): JsonObject {
  const cut = reply.finish === "length";
  return {
    id,
    object: "response",
    created_at: nowSeconds(),
    status: cut ? "incomplete" : "completed",
    model: request.model,
    output,
    incomplete_details: cut ? { reason: "max_output_tokens" } : null,
    ...(reply.usage ? { usage: usage(reply) } : {}),
  };
}

function message(reply: Reply, id: string): JsonObject {
  const status = reply.finish === "length" ? "incomplete" : "completed";
  const content = [{ type: "output_text", text: reply.text, annotations: [], logprobs: [] }];
  return { type: "message", id: `msg_${id}`, status, role: "assistant", content };
}

function responseBody(reply: Reply, request: ParsedRequest, id: string): JsonObject {
  return envelope(reply, request, id, [message(reply, id)]);
}

function responseEvents(reply: Reply, request: ParsedRequest, id: string, chunkSize: number): string[] {
  let sequence = 0;
  const frame = (type: string, data: JsonObject) => sseFrame({ type, sequence_number: sequence++, ...data }, type);
  const itemId = `msg_${id}`;
  const started: JsonObject = { ...envelope(reply, request, id, []), status: "in_progress", incomplete_details: null };
  delete started.usage;
  const frames = [
    frame("response.created", { response: started }),
    frame("response.output_item.added", {
      output_index: 0,
      item: { type: "message", id: itemId, status: "in_progress", role: "assistant", content: [] },
    }),
  ];
  for (const delta of chunks(reply.text, chunkSize)) {
    frames.push(
      frame("response.output_text.delta", { item_id: itemId, output_index: 0, content_index: 0, delta, logprobs: [] }),
    );
  }
  frames.push(frame("response.output_item.done", { output_index: 0, item: message(reply, id) }));
  const final = reply.finish === "length" ? "response.incomplete" : "response.completed";
  frames.push(frame(final, { response: responseBody(reply, request, id) }));
  return frames;
}
