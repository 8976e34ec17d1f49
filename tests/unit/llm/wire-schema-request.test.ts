import { generateText, Output } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { offlineRequirements } from "../../../server/llm/offline/requirements";
import { createLanguageModel } from "../../../server/llm/providers";
import { STEPS } from "../../../server/llm/steps";
import { wireJsonSchema, wireSchema } from "../../../server/llm/wire-schema";
import { strictSchemaProblems } from "../../support/openai-strict-rules";

/**
 * The wire schema through the real OpenAI-compatible provider (which sends `strict: true` by default): what goes
 * over HTTP is our strict schema unchanged, and the reply comes back validated by the step's zod schema.
 */
interface Exchange {
  bodies: Record<string, unknown>[];
  fetch: typeof globalThis.fetch;
}

function server(reply: unknown): Exchange {
  const bodies: Record<string, unknown>[] = [];
  const fetch: typeof globalThis.fetch = async (_url, init) => {
    bodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
    const message = { role: "assistant", content: JSON.stringify(reply) };
    const usage = { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 };
    const completion = { id: "c1", object: "chat.completion", created: 0, model: "m", usage };
    return Response.json({ ...completion, choices: [{ index: 0, message, finish_reason: "stop" }] });
  };
  return { bodies, fetch };
}

function compatibleModel(fetch: typeof globalThis.fetch) {
  const spec = { provider: "openai-compatible" as const, modelId: "m", variable: "SKILL_FLEET_MODEL" };
  return createLanguageModel(spec, { keys: {}, baseUrl: "http://127.0.0.1:9/v1", fetch });
}

function sentFormat(exchange: Exchange): { strict?: boolean; schema?: unknown } {
  const format = exchange.bodies[0]?.response_format as { json_schema?: { strict?: boolean; schema?: unknown } };
  return format.json_schema ?? {};
}

describe("a structured call with the wire schema", () => {
  it("sends the step's strict schema as is, and returns the reply parsed by the step's schema", async () => {
    const step = STEPS.gatherRequirements;
    const requirements = offlineRequirements("Write a skill for reviewing Python pull requests.");
    const exchange = server(requirements);
    const result = await generateText({
      model: compatibleModel(exchange.fetch),
      output: Output.object({ schema: wireSchema(step.output) }),
      prompt: "requirements",
    });
    expect(sentFormat(exchange).strict).toBe(true);
    expect(sentFormat(exchange).schema).toEqual(wireJsonSchema(step.output));
    expect(strictSchemaProblems(sentFormat(exchange).schema)).toEqual([]);
    expect(result.output).toEqual(requirements);
  });

  it("accepts null for a key the safety net made nullable", async () => {
    const schema = z.object({ answer: z.string(), note: z.string().optional() });
    const exchange = server({ answer: "yes", note: null });
    const result = await generateText({
      model: compatibleModel(exchange.fetch),
      output: Output.object({ schema: wireSchema(schema) }),
      prompt: "question",
    });
    expect(strictSchemaProblems(sentFormat(exchange).schema)).toEqual([]);
    expect(result.output).toEqual({ answer: "yes" });
  });
});
