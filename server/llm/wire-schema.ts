import type { JSONSchema7, JSONSchema7Definition } from "@ai-sdk/provider";
import { jsonSchema, type Schema } from "ai";
import { z } from "zod";

/**
 * The JSON schema a step's output schema is sent as (docs/architecture.md, Models). Servers that enforce OpenAI's
 * strict structured outputs answer 400 for a schema outside its subset, so what we send keeps to it. The rules, from
 * OpenAI's guide (developers.openai.com/api/docs/guides/structured-outputs, "Supported schemas"):
 * - the root is an object (not anyOf); every object lists every property in `required` and has
 *   `additionalProperties: false`; "optional" is a union with null instead;
 * - keywords besides the structural ones: strings `pattern` and `format` (a fixed list of formats), numbers
 *   `multipleOf`, `maximum`, `exclusiveMaximum`, `minimum`, `exclusiveMinimum`, arrays `minItems`, `maxItems`.
 *   Anything else (`minLength`, `maxLength`, `default`, `title`, `$schema`, `propertyNames`, `patternProperties`,
 *   `allOf`, `not`, …) is dropped: our zod check after the call still enforces it;
 * - at most 10 levels of nesting, 5000 properties and 1000 enum values (the step schemas are far below).
 * The step schemas are written to fit (server/llm/steps/schemas.ts), so the normalisation below only drops zod's
 * extra keywords; repairing optional keys and records is a safety net that `strictWireSchema().repairs` reports
 * (tests/unit/llm/strict-schemas.test.ts asserts no step needs it).
 */

const STRUCTURAL_KEYWORDS = [
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "enum",
  "const",
  "anyOf",
  "$ref",
  "$defs",
  "definitions",
  "description",
] as const;
const CONSTRAINT_KEYWORDS = [
  "pattern",
  "format",
  "multipleOf",
  "maximum",
  "exclusiveMaximum",
  "minimum",
  "exclusiveMinimum",
  "minItems",
  "maxItems",
] as const;
const SUPPORTED_KEYWORDS: ReadonlySet<string> = new Set([...STRUCTURAL_KEYWORDS, ...CONSTRAINT_KEYWORDS]);
const SUPPORTED_FORMATS: ReadonlySet<string> = new Set([
  "date-time",
  "time",
  "date",
  "duration",
  "email",
  "hostname",
  "ipv4",
  "ipv6",
  "uuid",
]);

export interface StrictWireSchema {
  schema: JSONSchema7;
  /** What had to change beyond dropping unsupported keywords (optional keys made nullable, records closed). */
  repairs: string[];
}

/**
 * zod → JSON schema with the AI SDK's own options (@ai-sdk/provider-utils zodSchema: draft-7, `io: "input"`,
 * inlined): the model writes what the step's zod schema then parses, i.e. its input side.
 */
function zodJsonSchema(schema: z.ZodType): JSONSchema7 {
  return z.toJSONSchema(schema, { target: "draft-7", io: "input", reused: "inline" }) as JSONSchema7;
}

/** The schema sent for `schema`, normalised to OpenAI's strict subset, and the repairs that took. */
export function strictWireSchema(schema: z.ZodType): StrictWireSchema {
  const repairs: string[] = [];
  return { schema: normaliseNode(zodJsonSchema(schema), "(root)", repairs), repairs };
}

/** The JSON schema we send to a provider for a step's output schema. */
export function wireJsonSchema(schema: z.ZodType): JSONSchema7 {
  return strictWireSchema(schema).schema;
}

/**
 * The AI SDK schema for a structured call (`Output.object({ schema: wireSchema(step.output) })`): the strict wire
 * schema, validated with the step's zod schema. A null the wire schema allowed for an optional key is dropped first
 * (zod's `.optional()` rejects null), so the safety net alone never costs a re-ask.
 */
export function wireSchema<O>(schema: z.ZodType<O>): Schema<O> {
  return jsonSchema<O>(() => wireJsonSchema(schema), {
    validate: async (value) => {
      const parsed = await schema.safeParseAsync(value);
      if (parsed.success) return { success: true, value: parsed.data };
      const stripped = await schema.safeParseAsync(stripNulls(value, schema));
      // The first error names the real problem ("expected string, received null", not "required").
      return stripped.success ? { success: true, value: stripped.data } : { success: false, error: parsed.error };
    },
  });
}

/**
 * `value` without the object keys whose null `schema` rejects (a model answers null for a key the wire schema made
 * nullable because zod has it optional). Anything else is left for zod to report; `value` itself is not changed.
 */
export function stripNulls(value: unknown, schema: z.ZodType): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return value;
  const copy: unknown = structuredClone(value);
  for (const issue of parsed.error.issues) dropNullAt(copy, issue.path);
  return copy;
}

function dropNullAt(root: unknown, path: readonly PropertyKey[]): void {
  const key = path.at(-1);
  if (typeof key !== "string") return;
  let parent: unknown = root;
  for (const step of path.slice(0, -1)) {
    if (!isRecord(parent) || typeof step === "symbol") return;
    parent = parent[step];
  }
  if (isRecord(parent) && !Array.isArray(parent) && parent[key] === null) Reflect.deleteProperty(parent, key);
}

function isRecord(value: unknown): value is Record<PropertyKey, unknown> {
  return typeof value === "object" && value !== null;
}

// ── normalisation ───────────────────────────────────────────────────────────────────────────────────

function normaliseDefinition(
  definition: JSONSchema7Definition,
  path: string,
  repairs: string[],
): JSONSchema7Definition {
  return typeof definition === "boolean" ? definition : normaliseNode(definition, path, repairs);
}

function normaliseNode(node: JSONSchema7, path: string, repairs: string[]): JSONSchema7 {
  const out = supportedKeywords(node);
  if (node.oneOf) {
    // Strict mode has no oneOf; our zod check after the call still tells the branches apart.
    out.anyOf = [...(node.anyOf ?? []), ...node.oneOf];
    repairs.push(`${path}: oneOf sent as anyOf`);
  }
  if (out.anyOf) out.anyOf = out.anyOf.map((branch, i) => normaliseDefinition(branch, `${path}.anyOf[${i}]`, repairs));
  if (out.items !== undefined) out.items = normaliseItems(out.items, `${path}[]`, repairs);
  if (out.$defs) out.$defs = normaliseMap(out.$defs, `${path}.$defs`, repairs);
  if (out.definitions) out.definitions = normaliseMap(out.definitions, `${path}.definitions`, repairs);
  return isObjectNode(node) ? closeObject(out, node, path, repairs) : out;
}

/** A copy with only the keywords strict mode accepts (and only the formats it knows). */
function supportedKeywords(node: JSONSchema7): JSONSchema7 {
  const kept = Object.entries(node).filter(([keyword]) => SUPPORTED_KEYWORDS.has(keyword));
  const out = Object.fromEntries(kept) as JSONSchema7;
  if (out.format !== undefined && !SUPPORTED_FORMATS.has(out.format)) delete out.format;
  return out;
}

function normaliseItems(
  items: JSONSchema7Definition | JSONSchema7Definition[],
  path: string,
  repairs: string[],
): JSONSchema7Definition | JSONSchema7Definition[] {
  return Array.isArray(items)
    ? items.map((item) => normaliseDefinition(item, path, repairs))
    : normaliseDefinition(items, path, repairs);
}

function normaliseMap(
  map: Record<string, JSONSchema7Definition>,
  path: string,
  repairs: string[],
): Record<string, JSONSchema7Definition> {
  return Object.fromEntries(
    Object.entries(map).map(([name, definition]) => [
      name,
      normaliseDefinition(definition, `${path}.${name}`, repairs),
    ]),
  );
}

function isObjectNode(node: JSONSchema7): boolean {
  const types = Array.isArray(node.type) ? node.type : [node.type];
  return types.includes("object") || node.properties !== undefined;
}

/** Free-form keys: a zod record (`additionalProperties` as a schema, `propertyNames`, `patternProperties`). */
function hasFreeFormKeys(node: JSONSchema7): boolean {
  return (
    typeof node.additionalProperties === "object" ||
    node.propertyNames !== undefined ||
    node.patternProperties !== undefined
  );
}

/** Every property required, optional ones as nullable, and no other keys. */
function closeObject(out: JSONSchema7, node: JSONSchema7, path: string, repairs: string[]): JSONSchema7 {
  if (hasFreeFormKeys(node)) repairs.push(`${path}: free-form keys (a record) cannot be sent; sent as a closed object`);
  const required = new Set(node.required ?? []);
  const properties = Object.entries(node.properties ?? {}).map(([key, definition]): [string, JSONSchema7Definition] => {
    const normalised = normaliseDefinition(definition, `${path}.${key}`, repairs);
    if (required.has(key)) return [key, normalised];
    repairs.push(`${path}.${key}: optional, sent as required and nullable`);
    return [key, nullable(normalised)];
  });
  return {
    ...out,
    properties: Object.fromEntries(properties),
    required: properties.map(([key]) => key),
    additionalProperties: false,
  };
}

/** The definition, also accepting null (OpenAI's way to emulate an optional key). */
function nullable(definition: JSONSchema7Definition): JSONSchema7Definition {
  if (typeof definition === "boolean") return definition;
  const isNull = (branch: JSONSchema7Definition) => typeof branch !== "boolean" && branch.type === "null";
  if (definition.anyOf) {
    return definition.anyOf.some(isNull)
      ? definition
      : { ...definition, anyOf: [...definition.anyOf, { type: "null" }] };
  }
  const { type } = definition;
  if (type === "null" || (Array.isArray(type) && type.includes("null"))) return definition;
  // An enum or const would still refuse null under a widened type, so those are wrapped instead.
  if (type === undefined || definition.enum !== undefined || definition.const !== undefined) {
    return { anyOf: [definition, { type: "null" }] };
  }
  return { ...definition, type: [...(Array.isArray(type) ? type : [type]), "null"] };
}
