import { type JsonObject } from "./types";

/**
 * A deterministic value valid under a JSON schema (the subset the AI SDK's zod conversion emits): every property,
 * the fewest array items allowed (at least one), the first enum value, strings sized to their bounds, numbers
 * inside their range, and a real value rather than null wherever null is only one option.
 */
export function instanceFromSchema(schema: JsonObject): unknown {
  return instanceOf(schema, { root: schema, name: "value", depth: 0 });
}

interface Where {
  root: JsonObject;
  /** The property name, used to make strings readable and distinct. */
  name: string;
  depth: number;
}

const MAX_DEPTH = 12;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function instanceOf(schema: JsonObject, where: Where): unknown {
  if (where.depth > MAX_DEPTH) return null;
  const resolved = resolve(schema, where.root);
  if ("const" in resolved) return resolved.const;
  if (Array.isArray(resolved.enum)) return resolved.enum.find((v) => v !== null) ?? resolved.enum[0];
  const branch = firstBranch(resolved);
  if (branch) return instanceOf(branch, { ...where, depth: where.depth + 1 });
  return byType(resolved, typeOf(resolved), where);
}

/** Follows a local `$ref` (#/definitions/x, #/$defs/x); other refs are left as they are. */
function resolve(schema: JsonObject, root: JsonObject): JsonObject {
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#")) return schema;
  let node: unknown = root;
  for (const part of ref.slice(1).split("/").filter(Boolean)) {
    node = isObject(node) ? node[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  }
  return isObject(node) ? node : {};
}

/** anyOf/oneOf/allOf: the first branch that is not just `null` (nullable → a real value). */
function firstBranch(schema: JsonObject): JsonObject | undefined {
  const branches = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (!Array.isArray(branches)) return undefined;
  const real = branches.filter(isObject);
  return real.find((b) => b.type !== "null") ?? real[0];
}

function typeOf(schema: JsonObject): string {
  const type = schema.type;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) return String(type.find((t) => t !== "null") ?? "null");
  if (isObject(schema.properties)) return "object";
  if (schema.items !== undefined) return "array";
  return "string";
}

function byType(schema: JsonObject, type: string, where: Where): unknown {
  switch (type) {
    case "object":
      return objectInstance(schema, where);
    case "array":
      return arrayInstance(schema, where);
    case "integer":
    case "number":
      return numberInstance(schema, type === "integer");
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return stringInstance(schema, where.name);
  }
}

function objectInstance(schema: JsonObject, where: Where): JsonObject {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const result: JsonObject = {};
  for (const [name, child] of Object.entries(properties)) {
    if (!isObject(child)) continue;
    result[name] = instanceOf(child, { root: where.root, name, depth: where.depth + 1 });
  }
  return result;
}

function arrayInstance(schema: JsonObject, where: Where): unknown[] {
  const min = constraint(schema, "minItems") ?? 0;
  const max = constraint(schema, "maxItems") ?? Infinity;
  const count = Math.min(Math.max(min, 1), max);
  const tuple = Array.isArray(schema.prefixItems) ? schema.prefixItems.filter(isObject) : [];
  const items = isObject(schema.items) ? schema.items : {};
  return Array.from({ length: Math.max(count, tuple.length) }, (_, i) =>
    instanceOf(tuple[i] ?? items, { root: where.root, name: `${where.name} ${i + 1}`, depth: where.depth + 1 }),
  );
}

/**
 * A numeric keyword of the schema, or the same constraint read back from its description: @ai-sdk/anthropic moves
 * minimum/minLength/minItems… out of the schema into the description ("min length: 30."), as text for the model.
 */
function constraint(schema: JsonObject, key: string): number | undefined {
  const value = schema[key];
  if (typeof value === "number") return value;
  if (typeof schema.description !== "string") return undefined;
  const spaced = key.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
  const match = new RegExp(`(?:^|\\n|; )${spaced}: (-?\\d+(?:\\.\\d+)?)`).exec(schema.description);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function numberInstance(schema: JsonObject, integer: boolean): number {
  const num = (key: string) => constraint(schema, key);
  const step = integer ? 1 : 0.5;
  const low = num("minimum") ?? plus(num("exclusiveMinimum"), step);
  const high = num("maximum") ?? plus(num("exclusiveMaximum"), -step);
  let value = low ?? Math.min(1, high ?? 1);
  if (high !== undefined && value > high) value = high;
  return integer ? Math.ceil(value) : value;
}

function plus(value: number | undefined, delta: number): number | undefined {
  return value === undefined ? undefined : value + delta;
}

const FORMATS: Record<string, string> = {
  "date-time": "2026-01-01T00:00:00.000Z",
  date: "2026-01-01",
  time: "00:00:00",
  email: "stub@example.com",
  uri: "https://example.com/stub",
  url: "https://example.com/stub",
  uuid: "00000000-0000-4000-8000-000000000000",
};

function stringInstance(schema: JsonObject, name: string): string {
  const format = typeof schema.format === "string" ? FORMATS[schema.format] : undefined;
  if (format) return format;
  const min = constraint(schema, "minLength") ?? 0;
  const max = constraint(schema, "maxLength") ?? Infinity;
  const text = `${name} from the stub`;
  return text.padEnd(min, ".").slice(0, max);
}
