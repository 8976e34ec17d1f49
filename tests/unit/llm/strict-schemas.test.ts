import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  analyzeDependencies,
  analyzeIntent,
  findTaxonomyPath,
  gatherRequirements,
  generateClarifyingQuestions,
  generateContent,
  generateTestCases,
  metadataRecord,
  STEPS,
  synthesizePlan,
  type StepDefinition,
} from "../../../server/llm/steps";
import { stripNulls, strictWireSchema, wireJsonSchema, wireSchema } from "../../../server/llm/wire-schema";
import { strictSchemaProblems } from "../../support/openai-strict-rules";

/** A closed object in OpenAI's strict form, for the checker's self-tests. */
const closed = (properties: Record<string, unknown>) => ({
  type: "object",
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

describe("every step's output schema, as sent, fits OpenAI's strict structured outputs", () => {
  const steps = Object.values(STEPS).map((step) => [step.name, step.output] as const);

  it.each(steps)("%s is valid under the strict rules", (_name, output) => {
    expect(strictSchemaProblems(wireJsonSchema(output))).toEqual([]);
  });

  // The source schemas themselves fit: the normaliser only drops zod's extra keywords (minLength, …), so no step's
  // output has an optional key a model could answer null for, or a record it could not fill.
  it.each(steps)("%s needs no repair (no optional keys, no records)", (_name, output) => {
    expect(strictWireSchema(output).repairs).toEqual([]);
  });
});

describe("the strict-rules checker", () => {
  it("accepts a closed object with nullable and constrained fields", () => {
    const schema = closed({
      name: { type: "string", pattern: "^[a-z]+$" },
      score: { type: "number", minimum: 0, maximum: 1 },
      tags: { type: "array", items: { type: "string" }, maxItems: 3 },
      skill: { type: ["string", "null"] },
    });
    expect(strictSchemaProblems(schema)).toEqual([]);
  });

  it("reports a record (free-form keys)", () => {
    const schema = closed({ metadata: { type: "object", additionalProperties: { type: "string" } } });
    expect(strictSchemaProblems(schema)).toContainEqual(expect.stringMatching(/metadata: additionalProperties/));
  });

  it("reports an optional key", () => {
    const schema = { ...closed({ a: { type: "string" }, b: { type: "string" } }), required: ["a"] };
    expect(strictSchemaProblems(schema)).toEqual(["(root).b: not required (optional)"]);
  });

  it("reports an object without additionalProperties: false", () => {
    const { additionalProperties: _, ...open } = closed({ a: { type: "string" } });
    expect(strictSchemaProblems(open)).toEqual([
      "(root): additionalProperties must be false (free-form keys are not allowed)",
    ]);
  });

  it("reports unsupported keywords and formats", () => {
    const schema = {
      $schema: "http://json-schema.org/draft-07/schema#",
      ...closed({ a: { type: "string", minLength: 1, format: "uri" }, b: { type: "string", default: "" } }),
    };
    expect(strictSchemaProblems(schema)).toEqual([
      '(root): unsupported keyword "$schema"',
      '(root).a: unsupported keyword "minLength"',
      '(root).a: unsupported format "uri"',
      '(root).b: unsupported keyword "default"',
    ]);
  });

  it("reports a root that is not an object, and nesting deeper than 10 objects", () => {
    expect(strictSchemaProblems({ type: "array", items: { type: "string" } })).toContainEqual(
      '(root): the root must be of type "object"',
    );
    let deep: Record<string, unknown> = closed({ leaf: { type: "string" } });
    for (let level = 0; level < 10; level++) deep = closed({ child: deep });
    expect(strictSchemaProblems(deep)).toContainEqual(expect.stringMatching(/nested 11 objects deep/));
  });
});

describe("wireJsonSchema's safety net", () => {
  const loose = z.object({
    note: z.string().min(1).optional(),
    level: z.enum(["low", "high"]).optional(),
    labels: z.record(z.string(), z.string()),
    skill: z.string().nullable(),
  });

  it("makes a schema with optional keys and a record strict-valid, and says what it repaired", () => {
    const { schema, repairs } = strictWireSchema(loose);
    expect(strictSchemaProblems(schema)).toEqual([]);
    expect(repairs).toEqual([
      "(root).note: optional, sent as required and nullable",
      "(root).level: optional, sent as required and nullable",
      "(root).labels: free-form keys (a record) cannot be sent; sent as a closed object",
    ]);
  });

  it("drops the nulls a model may answer for keys zod has optional, and keeps the ones zod accepts", async () => {
    const reply = { note: null, level: null, labels: {}, skill: null };
    expect(stripNulls(reply, loose)).toEqual({ labels: {}, skill: null });
    expect(reply.note).toBeNull();
    await expect(wireSchema(loose).validate?.(reply)).resolves.toEqual({
      success: true,
      value: { labels: {}, skill: null },
    });
  });

  it("reports a null zod never accepts as the real problem", async () => {
    const result = await wireSchema(z.object({ name: z.string() })).validate?.({ name: null });
    expect(result?.success).toBe(false);
    expect(result && !result.success ? result.error.message : "").toMatch(/expected string, received null/);
  });
});

interface OfflineCase {
  reply: unknown;
  output: z.ZodType;
}

/** The offline engine's output for `input`, through JSON as a model's reply would travel, with the step's schema. */
function offlineCase<I, O>(step: StepDefinition<I, O>, input: I): [string, OfflineCase] {
  const reply: unknown = JSON.parse(JSON.stringify(step.offline(step.input.parse(input))));
  return [step.name, { reply, output: step.output }];
}

describe("offline outputs fit the schemas they stand in for", () => {
  const taskDescription = "Write release notes for a Python library from its git history and changelog";
  const requirements = gatherRequirements.offline({ taskDescription });
  const intent = analyzeIntent.offline({ taskDescription, requirements });
  const taxonomy = findTaxonomyPath.offline({
    taskDescription,
    requirements,
    taxonomyStructure: "{}",
    existingSkills: [],
  });
  const dependencies = analyzeDependencies.offline({
    taskDescription,
    intent,
    taxonomyPath: taxonomy.recommendedPath,
    existingSkills: [],
  });
  const plan = synthesizePlan.offline({ requirements, intent, taxonomy, dependencies });
  const understanding = { taskDescription, ...requirements, intent, dependencies };
  const cases = [
    offlineCase(gatherRequirements, { taskDescription }),
    offlineCase(generateClarifyingQuestions, { taskDescription, ambiguities: ["which tool"], requirements }),
    offlineCase(synthesizePlan, { requirements, intent, taxonomy, dependencies }),
    offlineCase(generateContent, { plan, understanding }),
    offlineCase(generateTestCases, {
      skillName: plan.name,
      skillDescription: plan.description,
      triggerPhrases: plan.triggerPhrases,
      negativeTriggers: plan.negativeTriggers,
      skillCategory: plan.skillCategory,
    }),
  ];

  it.each(cases)(
    "%s: the offline reply parses with the step's output and its wire schema",
    async (_, { reply, output }) => {
      expect(output.safeParse(reply).success).toBe(true);
      await expect(wireSchema(output).validate?.(reply)).resolves.toMatchObject({ success: true });
    },
  );

  it("the plan's finalize stamps generated-by once, replacing a pair the model wrote", () => {
    const written = {
      ...plan,
      metadata: [
        { key: "generated-by", value: "me" },
        { key: "domain", value: "tool" },
      ],
    };
    const input = { requirements, intent, taxonomy, dependencies };
    const final = synthesizePlan.finalize?.(written, { engine: "openai:gpt-test", input });
    expect(final?.metadata).toEqual([
      { key: "domain", value: "tool" },
      { key: "generated-by", value: "openai:gpt-test" },
    ]);
  });

  it("a plan stored with a metadata record (before pairs) is still a later step's input", () => {
    const stored = { ...plan, metadata: { domain: "technical", "generated-by": "offline" } };
    const parsed = generateContent.input.parse({ plan: stored, understanding });
    expect(parsed.plan.metadata).toEqual([
      { key: "domain", value: "technical" },
      { key: "generated-by", value: "offline" },
    ]);
    expect(metadataRecord(stored.metadata)).toEqual(metadataRecord(parsed.plan.metadata));
  });
});
