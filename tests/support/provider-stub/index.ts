/**
 * A stub model provider over real HTTP (node:http) for the provider conformance suite (issue 22, item 6). It speaks
 * the wire formats the AI SDK 6 providers send and parse: OpenAI Chat Completions (`/v1/chat/completions`, used by
 * @ai-sdk/openai-compatible and `openai.chat`), the OpenAI Responses API (`/v1/responses`, `openai(id)` and
 * `openai.responses`) and Anthropic Messages (`/v1/messages`), each plain and streamed, with fault modes.
 *
 *   const stub = await startProviderStub({ retryAfterSeconds: 2, slowMs: 50 });
 *   const provider = createOpenAICompatible({ name: "x", baseURL: `${stub.url}/v1`, supportsStructuredOutputs: true });
 *   const { output } = await generateText({ model: provider("m"), output: Output.object({ schema }), prompt });
 *   stub.setMode((call) => (call.step === "plan" && call.stepIndex === 0 ? "rate-limited" : "good"));
 *   … stub.requests (protocol, step, mode, schema, strict, includeUsage, …) … await stub.close();
 *
 * How the real SDK (ai 6.0.326, @ai-sdk/openai 3.0.141, anthropic 3.0.140, openai-compatible 2.0.92) sees each mode,
 * with Output.object and maxRetries 0; pinned by tests/integration/llm/provider-stub.test.ts:
 *
 * | mode          | all three protocols, as the SDK reports it                                                      |
 * | ------------- | ----------------------------------------------------------------------------------------------- |
 * | good          | output parsed; usage in inputTokens/outputTokens; finishReason "stop"                           |
 * | good, stream  | usage on Responses, Anthropic and `openai.chat` (always sends include_usage); openai-compatible |
 * |               | sends NO stream_options unless created with `includeUsage: true`: usage fields are undefined   |
 * | fenced, prose | NoObjectGeneratedError "No object generated: could not parse the response."; .text = the raw   |
 * |               | reply, .finishReason "stop", .usage set. The SDK never strips fences or prose by itself        |
 * | wrong-types   | NoObjectGeneratedError "…response did not match schema." (cause: TypeValidationError), .text   |
 * | truncated     | NoObjectGeneratedError (could not parse) with .finishReason "length"; streamed: finishReason   |
 * |               | resolves "length" and `output` rejects with NoObjectGeneratedError                             |
 * | empty         | NoObjectGeneratedError (could not parse), .text "", .finishReason "stop"                       |
 * | rate-limited  | APICallError statusCode 429, isRetryable, responseHeaders["retry-after"]; with retries the SDK |
 * |               | waits Retry-After (seconds, fractions too) instead of its 2 s backoff when it is under 60 s    |
 * | server-error  | APICallError statusCode 500, isRetryable                                                       |
 * | slow          | the good reply after `slowMs`                                                                  |
 * | hang          | aborting the signal rejects at once with a DOMException "AbortError" (not an APICallError);    |
 * |               | close() without an abort: APICallError "Cannot connect to API: other side closed", retryable   |
 * | strict-400    | OpenAI protocols: APICallError 400, not retryable, message = the body's error.message          |
 * |               | ("Invalid schema for response_format 'response': …"). Anthropic never sends strict: good reply |
 * | no-usage      | OpenAI protocols: output parsed, usage fields undefined (not 0). Anthropic: the SDK refuses the |
 * |               | reply, APICallError "Invalid JSON response" (usage is required), not retryable; streamed, an   |
 * |               | APICallError "Type validation failed" on the stream and `output` rejects NoOutputGeneratedError |
 * | streamed 429  | streamText does not throw: the APICallError reaches onError; `output` rejects NoOutputGenerated |
 *
 * What the providers send (recorded in `requests[i].schemaSource` / `strict` / `includeUsage`):
 * - Chat Completions: `response_format: {type: "json_schema", json_schema: {name: "response", strict, schema}}`,
 *   strict true by default in openai-compatible and `openai.chat` (option `strictJsonSchema`).
 * - Responses: `text.format: {type: "json_schema", name: "response", strict, schema}`, strict true by default.
 * - Anthropic, two ways, chosen by model id: models it knows support structured output (claude-sonnet-4-5, opus-4-1
 *   and later, and unknown `claude-*` ids) get `output_config.format: {type: "json_schema", schema}` with the schema
 *   SANITISED: minLength, maximum, minItems, pattern… are removed and appended to `description` ("min length: 30.");
 *   the reply is plain text. So a real model can break a zod bound the SDK still validates. Older models
 *   (claude-3-*, claude-sonnet-4-0), ids without "claude-", and any schema with an open object (a z.record) or more
 *   than 10 optional properties get a tool named `json` (input_schema keeps the bounds) and
 *   `tool_choice: {type: "any", disable_parallel_tool_use: true}`; the SDK turns the tool_use input into the text.
 *   No anthropic-beta header either way. The stub answers tool_use for object answers and a text block otherwise
 *   (fenced, prose, truncated, empty), which the SDK takes as the text when no `json` tool call came.
 *
 * Default answers come from the request's schema (instanceFromSchema), reading Anthropic's description bounds back.
 * Without `strictCheck`, strict-400 refuses every strict request.
 */
export { startProviderStub } from "./server";
export { instanceFromSchema } from "./schema-instance";
export { PROSE_AFTER, PROSE_BEFORE, wrongTypes } from "./reply";
export {
  MODES,
  type AnswerCall,
  type AnswerFn,
  type Mode,
  type ModeCall,
  type ModeChooser,
  type Protocol,
  type ProviderStub,
  type ProviderStubOptions,
  type RecordedRequest,
  type SchemaSource,
} from "./types";
