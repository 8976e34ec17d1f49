import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { APICallError, generateText, NoObjectGeneratedError, Output, streamText, type LanguageModel } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  instanceFromSchema,
  PROSE_BEFORE,
  startProviderStub,
  type Protocol,
  type ProviderStub,
  type SchemaSource,
} from "../../support/provider-stub";

/**
 * How the real AI SDK providers see each of the stub's modes, over real HTTP. The findings table at the top of
 * tests/support/provider-stub/index.ts summarises what these assertions pin down.
 */
const SLOW_MS = 40;
const RETRY_AFTER = 7;

const schema = z.object({
  title: z.string().min(30),
  tags: z.array(z.string()).min(2),
  score: z.number().int().min(3).max(10),
  level: z.enum(["low", "high"]),
  note: z.string().nullable(),
  owner: z.object({ name: z.string().max(8), active: z.boolean() }),
  steps: z.array(z.object({ order: z.number(), text: z.string() })),
});
type Answer = z.infer<typeof schema>;

interface Target {
  name: string;
  protocol: Protocol;
  schemaSource: SchemaSource;
  /** Whether a streamed request reports usage (Chat Completions only when it sends include_usage). */
  streamUsage: boolean;
  /** Whether the request carries `strict: true` (so strict-400 refuses it). */
  strict: boolean;
  model(url: string): LanguageModel;
}

const TARGETS: Target[] = [
  {
    name: "openai-compatible (chat completions)",
    protocol: "openai-chat",
    schemaSource: "response_format",
    streamUsage: false,
    strict: true,
    model: (url) =>
      createOpenAICompatible({ name: "stub", baseURL: `${url}/v1`, supportsStructuredOutputs: true })("local-model"),
  },
  {
    name: "openai-compatible with includeUsage",
    protocol: "openai-chat",
    schemaSource: "response_format",
    streamUsage: true,
    strict: true,
    model: (url) =>
      createOpenAICompatible({
        name: "stub",
        baseURL: `${url}/v1`,
        supportsStructuredOutputs: true,
        includeUsage: true,
      })("local-model"),
  },
  {
    name: "openai .chat (chat completions)",
    protocol: "openai-chat",
    schemaSource: "response_format",
    streamUsage: true,
    strict: true,
    model: (url) => createOpenAI({ baseURL: `${url}/v1`, apiKey: "x" }).chat("gpt-4.1-mini"),
  },
  {
    name: "openai .responses",
    protocol: "openai-responses",
    schemaSource: "text.format",
    streamUsage: true,
    strict: true,
    model: (url) => createOpenAI({ baseURL: `${url}/v1`, apiKey: "x" }).responses("gpt-4.1-mini"),
  },
  {
    name: "anthropic, a model with native structured output",
    protocol: "anthropic-messages",
    schemaSource: "output_config",
    streamUsage: true,
    strict: false,
    model: (url) => createAnthropic({ baseURL: `${url}/v1`, apiKey: "x" })("claude-sonnet-4-5"),
  },
  {
    name: "anthropic, an older model (forced json tool)",
    protocol: "anthropic-messages",
    schemaSource: "json_tool",
    streamUsage: true,
    strict: false,
    model: (url) => createAnthropic({ baseURL: `${url}/v1`, apiKey: "x" })("claude-3-haiku-20240307"),
  },
];

const STEP = "plan";
const prompt = "Plan a skill for reviewing pull requests.";

let stub: ProviderStub;
beforeAll(async () => {
  stub = await startProviderStub({ slowMs: SLOW_MS, retryAfterSeconds: RETRY_AFTER });
});
afterAll(() => stub.close());
beforeEach(() => stub.reset());

function generate(target: Target, abortSignal?: AbortSignal) {
  return generateText({
    model: target.model(stub.url),
    output: Output.object({ schema }),
    prompt,
    maxRetries: 0,
    headers: { "x-skill-fleet-step": STEP },
    abortSignal,
  });
}

function stream(target: Target, errors: unknown[] = []) {
  return streamText({
    model: target.model(stub.url),
    output: Output.object({ schema }),
    prompt,
    maxRetries: 0,
    headers: { "x-skill-fleet-step": STEP },
    onError: ({ error }) => void errors.push(error),
  });
}

async function failure(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

async function noObject(promise: PromiseLike<unknown>): Promise<NoObjectGeneratedError> {
  const error = await failure(promise);
  expect(NoObjectGeneratedError.isInstance(error)).toBe(true);
  return error as NoObjectGeneratedError;
}

async function apiError(promise: PromiseLike<unknown>): Promise<APICallError> {
  const error = await failure(promise);
  expect(APICallError.isInstance(error)).toBe(true);
  return error as APICallError;
}

/** The answer the stub derives from the request's schema. */
function expectedAnswer(): Answer {
  const sent = stub.requests[0]?.schema;
  expect(sent).toBeDefined();
  return schema.parse(instanceFromSchema(sent ?? {}));
}

describe.each(TARGETS)("$name", (target) => {
  it("good: the SDK parses the schema instance and reports usage", async () => {
    const result = await generate(target);
    expect(result.output).toEqual(expectedAnswer());
    expect(result.finishReason).toBe("stop");
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    const [request] = stub.requests;
    expect(request).toMatchObject({ protocol: target.protocol, step: STEP, mode: "good", stream: false, index: 0 });
    expect(request?.model).toBe(request?.body.model);
    expect(request?.schemaSource).toBe(target.schemaSource);
    expect(request?.strict).toBe(target.strict);
  });

  it("good, streamed: the object arrives in deltas; usage only where the protocol was asked for it", async () => {
    const result = stream(target);
    const partials: unknown[] = [];
    for await (const partial of result.partialOutputStream) partials.push(partial);
    expect(await result.output).toEqual(expectedAnswer());
    expect(partials.length).toBeGreaterThan(1);
    const usage = await result.usage;
    const [request] = stub.requests;
    expect(request?.stream).toBe(true);
    expect(request?.includeUsage).toBe(target.protocol === "openai-chat" && target.streamUsage);
    if (target.streamUsage) expect(usage.outputTokens).toBeGreaterThan(0);
    else expect(usage.outputTokens).toBeUndefined();
  });

  it("fenced: the SDK does not parse ```json fences; the raw text is on the error", async () => {
    stub.setMode("fenced");
    const error = await noObject(generate(target));
    expect(error.message).toMatch(/could not parse/);
    expect(error.text).toMatch(/^```json\n\{/);
    expect(error.finishReason).toBe("stop");
    expect(error.usage?.outputTokens).toBeGreaterThan(0);
  });

  it("prose: JSON after a sentence is refused the same way", async () => {
    stub.setMode("prose");
    const error = await noObject(generate(target));
    expect(error.message).toMatch(/could not parse/);
    expect(error.text?.startsWith(PROSE_BEFORE)).toBe(true);
  });

  it("wrong-types: valid JSON that fails the schema", async () => {
    stub.setMode("wrong-types");
    const error = await noObject(generate(target));
    expect(error.message).toMatch(/did not match schema/);
    expect(JSON.parse(error.text ?? "null")).toMatchObject({ score: "3", tags: expect.any(String) });
  });

  it("truncated: finishReason length, and the cut text fails to parse", async () => {
    stub.setMode("truncated");
    const error = await noObject(generate(target));
    expect(error.finishReason).toBe("length");
    expect(error.text?.length).toBeGreaterThan(0);
  });

  it("truncated, streamed: finishReason length on the stream too", async () => {
    stub.setMode("truncated");
    const result = stream(target);
    expect(await result.finishReason).toBe("length");
    expect(NoObjectGeneratedError.isInstance(await failure(result.output))).toBe(true);
  });

  it("empty: no text, finishReason stop, and no object", async () => {
    stub.setMode("empty");
    const error = await noObject(generate(target));
    expect(error.text).toBe("");
    expect(error.finishReason).toBe("stop");
  });

  it("rate-limited: APICallError 429 with Retry-After in responseHeaders", async () => {
    stub.setMode("rate-limited");
    const error = await apiError(generate(target));
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBe(true);
    expect(error.responseHeaders?.["retry-after"]).toBe(String(RETRY_AFTER));
  });

  it("server-error: APICallError 500, retryable", async () => {
    stub.setMode("server-error");
    const error = await apiError(generate(target));
    expect(error.statusCode).toBe(500);
    expect(error.isRetryable).toBe(true);
  });

  it("slow: a good reply after the configured delay", async () => {
    stub.setMode("slow");
    const started = Date.now();
    const result = await generate(target);
    expect(Date.now() - started).toBeGreaterThanOrEqual(SLOW_MS - 5);
    expect(result.output).toEqual(expectedAnswer());
  });

  it("hang: aborting the signal ends the call promptly", async () => {
    stub.setMode("hang");
    const controller = new AbortController();
    const call = failure(generate(target, controller.signal));
    await expect.poll(() => stub.requests.length).toBe(1);
    const aborted = Date.now();
    controller.abort();
    const error = await call;
    expect(Date.now() - aborted).toBeLessThan(2_000);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as Error).name).toBe("AbortError");
  });

  it("strict-400: refused with OpenAI's invalid-schema 400 when strict, good otherwise", async () => {
    stub.setMode("strict-400");
    if (!target.strict) {
      expect((await generate(target)).output).toEqual(expectedAnswer());
      return;
    }
    const error = await apiError(generate(target));
    expect(error.statusCode).toBe(400);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toMatch(/^Invalid schema for response_format 'response': /);
  });

  it("no-usage: usage is unknown (OpenAI protocols); Anthropic's SDK refuses a reply without usage", async () => {
    stub.setMode("no-usage");
    if (target.protocol === "anthropic-messages") {
      const error = await apiError(generate(target));
      expect(error.message).toBe("Invalid JSON response");
      expect(error.isRetryable).toBe(false);
      return;
    }
    const result = await generate(target);
    expect(result.output).toEqual(expectedAnswer());
    expect(result.usage.inputTokens).toBeUndefined();
    expect(result.usage.outputTokens).toBeUndefined();
  });

  it("no-usage, streamed: the same, the Anthropic failure surfacing as a stream error", async () => {
    stub.setMode("no-usage");
    const errors: unknown[] = [];
    const result = stream(target, errors);
    if (target.protocol === "anthropic-messages") {
      expect((await failure(result.output)) as Error).toMatchObject({ name: "AI_NoOutputGeneratedError" });
      expect(APICallError.isInstance(errors[0])).toBe(true);
      expect(String(errors[0])).toMatch(/Type validation failed: Value: \{"type":"message_start"/);
      return;
    }
    expect(await result.output).toEqual(expectedAnswer());
    expect((await result.usage).outputTokens).toBeUndefined();
  });
});

describe("what the providers send", () => {
  const byName = (fragment: string) => TARGETS.find((t) => t.name.includes(fragment)) as Target;

  it("Chat Completions: strict json_schema named 'response'; include_usage only from openai .chat or includeUsage", async () => {
    for (const name of ["openai-compatible (", "includeUsage", "openai .chat"])
      await stream(byName(name)).consumeStream();
    expect(stub.requests.map((r) => r.body.stream_options)).toEqual([
      undefined,
      { include_usage: true },
      { include_usage: true },
    ]);
    expect(stub.requests[0]?.body.response_format).toMatchObject({
      type: "json_schema",
      json_schema: { name: "response", strict: true, schema: { type: "object", additionalProperties: false } },
    });
  });

  it("Responses: text.format json_schema, strict by default", async () => {
    await generate(byName(".responses"));
    expect(stub.requests[0]?.body.text).toMatchObject({
      format: { type: "json_schema", name: "response", strict: true },
    });
  });

  it("Anthropic, a known structured-output model: output_config.format, constraints moved into descriptions", async () => {
    await generate(byName("native structured output"));
    const [request] = stub.requests;
    expect(request?.body.tools).toBeUndefined();
    const properties = (request?.schema?.properties ?? {}) as Record<string, Record<string, unknown>>;
    expect(properties.title).toEqual({ type: "string", description: "min length: 30." });
    expect(properties.score).toEqual({ type: "integer", description: "minimum: 3; maximum: 10." });
    expect(request?.headers["anthropic-beta"]).toBeUndefined();
  });

  it("Anthropic, a known model but a schema with a record: falls back to the `json` tool", async () => {
    const withRecord = z.object({ name: z.string(), metadata: z.record(z.string(), z.string()) });
    const model = byName("native structured output").model(stub.url);
    const result = await generateText({ model, output: Output.object({ schema: withRecord }), prompt, maxRetries: 0 });
    expect(result.output).toEqual({ name: "name from the stub", metadata: {} });
    expect(stub.requests[0]?.schemaSource).toBe("json_tool");
  });

  it("Anthropic, an older model: a `json` tool, tool_choice any, whose input_schema keeps the constraints", async () => {
    await generate(byName("forced json tool"));
    const [request] = stub.requests;
    expect(request?.body.output_config).toBeUndefined();
    expect(request?.body.tool_choice).toEqual({ type: "any", disable_parallel_tool_use: true });
    expect(request?.schema?.properties).toMatchObject({ title: { type: "string", minLength: 30 } });
  });
});

describe.each(TARGETS.filter((t) => t.name !== "openai-compatible with includeUsage"))(
  "$name, streamed faults",
  (target) => {
    it("rate-limited: the 429 APICallError reaches onError; the output promise rejects", async () => {
      stub.setMode("rate-limited");
      const errors: unknown[] = [];
      const result = stream(target, errors);
      expect((await failure(result.output)) as Error).toMatchObject({ name: "AI_NoOutputGeneratedError" });
      expect(errors[0]).toMatchObject({ statusCode: 429, responseHeaders: { "retry-after": String(RETRY_AFTER) } });
    });

    it("hang: aborting ends the stream promptly", async () => {
      stub.setMode("hang");
      const controller = new AbortController();
      const result = streamText({
        model: target.model(stub.url),
        prompt,
        maxRetries: 0,
        abortSignal: controller.signal,
      });
      const text = failure(result.text);
      await expect.poll(() => stub.requests.length).toBe(1);
      controller.abort();
      expect(((await text) as Error).name).toBe("AbortError");
    });
  },
);

describe("the stub itself", () => {
  const target = TARGETS[0] as Target;

  it("decides the mode per request from the step and the per-step index", async () => {
    const calls: unknown[] = [];
    stub.setMode((call) => {
      calls.push({ protocol: call.protocol, step: call.step, index: call.index, stepIndex: call.stepIndex });
      return call.stepIndex === 0 ? "server-error" : "good";
    });
    const model = target.model(stub.url);
    const call = (step: string) =>
      generateText({ model, prompt, maxRetries: 0, headers: { "x-skill-fleet-step": step } }).catch(() => "failed");
    expect(await call("plan")).toBe("failed");
    expect((await call("plan")) as { text: string }).toMatchObject({ text: "Hello from the provider stub." });
    expect(await call("content")).toBe("failed");
    expect(calls).toEqual([
      { protocol: "openai-chat", step: "plan", index: 0, stepIndex: 0 },
      { protocol: "openai-chat", step: "plan", index: 1, stepIndex: 1 },
      { protocol: "openai-chat", step: "content", index: 2, stepIndex: 0 },
    ]);
    expect(stub.requests.map((r) => r.mode)).toEqual(["server-error", "good", "server-error"]);
  });

  it("answers with setAnswer's value, told the protocol, step, schema and messages", async () => {
    const seen: unknown[] = [];
    const custom: Answer = { ...expectedAnswerFor(), title: "A custom title that is long enough to pass" };
    stub.setAnswer((call) => {
      seen.push(call);
      return custom;
    });
    const result = await generate(target);
    expect(result.output).toEqual(custom);
    expect(seen).toEqual([
      {
        protocol: "openai-chat",
        step: STEP,
        schema: expect.objectContaining({ type: "object" }),
        messages: [{ role: "user", content: prompt }],
      },
    ]);
  });

  it("the SDK honours Retry-After: a 429 with 0.05 s, retried once, succeeds without the 2 s backoff", async () => {
    const quick = await startProviderStub({
      retryAfterSeconds: 0.05,
      mode: (c) => (c.index === 0 ? "rate-limited" : "good"),
    });
    try {
      const result = await generateText({ model: target.model(quick.url), prompt, maxRetries: 1 });
      expect(result.text).toBe("Hello from the provider stub.");
      const [first, second] = quick.requests;
      expect([first?.mode, second?.mode]).toEqual(["rate-limited", "good"]);
      // The SDK's own first backoff is 2 s: a gap far below it shows the header was used.
      const gap = (second?.time ?? 0) - (first?.time ?? 0);
      expect(gap).toBeGreaterThanOrEqual(45);
      expect(gap).toBeLessThan(1_900);
    } finally {
      await quick.close();
    }
  });

  it("strict-400 consults strictCheck: problems in the message, none means a good reply", async () => {
    const checked = await startProviderStub({
      mode: "strict-400",
      strictCheck: (sent) => (JSON.stringify(sent).includes("minLength") ? ["'minLength' is not permitted."] : []),
    });
    try {
      const error = await apiError(
        generateText({ model: target.model(checked.url), output: Output.object({ schema }), prompt, maxRetries: 0 }),
      );
      expect(error.message).toBe("Invalid schema for response_format 'response': 'minLength' is not permitted.");
      expect(JSON.parse(error.responseBody ?? "{}")).toMatchObject({
        error: { type: "invalid_request_error", param: "response_format", code: null },
      });
      const plain = z.object({ name: z.string() });
      const ok = await generateText({
        model: target.model(checked.url),
        output: Output.object({ schema: plain }),
        prompt,
      });
      expect(ok.output).toEqual({ name: "name from the stub" });
    } finally {
      await checked.close();
    }
  });

  it("close() ends a hung request the client never aborts", async () => {
    const hung = await startProviderStub({ mode: "hang" });
    const call = failure(generate({ ...target, model: () => target.model(hung.url) }));
    await expect.poll(() => hung.requests.length).toBe(1);
    await hung.close();
    const error = (await call) as APICallError;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.message).toBe("Cannot connect to API: other side closed");
    expect(error.isRetryable).toBe(true);
  });

  it("records an unknown path and answers 404", async () => {
    const response = await fetch(`${stub.url}/v1/embeddings`, { method: "POST", body: "{}" });
    expect(response.status).toBe(404);
    expect(stub.requests[0]).toMatchObject({ protocol: "unknown", path: "/v1/embeddings" });
  });
});

/** The default answer for the test schema, as the OpenAI protocols send it (constraints in the schema). */
function expectedAnswerFor(): Answer {
  return schema.parse(instanceFromSchema(z.toJSONSchema(schema) as Record<string, unknown>));
}

describe("instanceFromSchema", () => {
  it("follows refs, prefers a real value to null, honours bounds, enums, consts and formats", () => {
    const value = instanceFromSchema({
      type: "object",
      $defs: { item: { type: "object", properties: { id: { type: "string", format: "uuid" } } } },
      properties: {
        items: { type: "array", items: { $ref: "#/$defs/item" }, minItems: 2 },
        none: { type: "array", items: { type: "string" }, maxItems: 0 },
        maybe: { anyOf: [{ type: "null" }, { type: "integer", exclusiveMinimum: 4 }] },
        typed: { type: ["null", "boolean"] },
        kind: { enum: ["b", "a"] },
        fixed: { const: 7 },
        short: { type: "string", maxLength: 3 },
        described: { type: "number", description: "A score.\nminimum: 2; maximum: 9." },
      },
    });
    expect(value).toEqual({
      items: [{ id: "00000000-0000-4000-8000-000000000000" }, { id: "00000000-0000-4000-8000-000000000000" }],
      none: [],
      maybe: 5,
      typed: true,
      kind: "b",
      fixed: 7,
      short: "sho",
      described: 2,
    });
  });
});
