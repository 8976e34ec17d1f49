/**
 * An independent check of OpenAI's strict structured-output rules (developers.openai.com/api/docs/guides/
 * structured-outputs, "Supported schemas"), written from the guide rather than from server/llm/wire-schema.ts so a
 * mistake in the normaliser is not repeated here. It reads the schema as plain JSON.
 */

const ALLOWED_KEYWORDS: ReadonlySet<string> = new Set([
  // structure
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
  // "Supported properties": string, number and array constraints
  "pattern",
  "format",
  "multipleOf",
  "maximum",
  "exclusiveMaximum",
  "minimum",
  "exclusiveMinimum",
  "minItems",
  "maxItems",
]);
const FORMATS: ReadonlySet<string> = new Set([
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
const TYPES: ReadonlySet<string> = new Set(["string", "number", "boolean", "integer", "object", "array", "null"]);
const LIMITS = {
  nesting: 10,
  properties: 5000,
  enumValues: 1000,
  stringChars: 120_000,
  bigEnumValues: 250,
  bigEnumChars: 15_000,
};

type Json = Record<string, unknown>;

interface Totals {
  properties: number;
  enumValues: number;
  stringChars: number;
}

interface Checker {
  problems: string[];
  totals: Totals;
  root: Json;
}

const isJson = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** Every way `schema` breaks OpenAI's strict rules, one sentence each; empty when it would be accepted. */
export function strictSchemaProblems(schema: unknown): string[] {
  if (!isJson(schema)) return ["(root): the schema is not a JSON object"];
  const checker: Checker = { problems: [], totals: { properties: 0, enumValues: 0, stringChars: 0 }, root: schema };
  if (schema.type !== "object") checker.problems.push('(root): the root must be of type "object"');
  if (schema.anyOf !== undefined) checker.problems.push("(root): the root must not be anyOf");
  checkNode(checker, schema, "(root)", 0);
  checkTotals(checker);
  return checker.problems;
}

function checkTotals({ problems, totals }: Checker): void {
  if (totals.properties > LIMITS.properties)
    problems.push(`${totals.properties} object properties (at most ${LIMITS.properties})`);
  if (totals.enumValues > LIMITS.enumValues)
    problems.push(`${totals.enumValues} enum values (at most ${LIMITS.enumValues})`);
  if (totals.stringChars > LIMITS.stringChars)
    problems.push(`${totals.stringChars} characters of names and values (at most ${LIMITS.stringChars})`);
}

function checkNode(checker: Checker, node: unknown, path: string, depth: number): void {
  if (!isJson(node)) {
    checker.problems.push(`${path}: a schema must be an object`);
    return;
  }
  for (const keyword of Object.keys(node))
    if (!ALLOWED_KEYWORDS.has(keyword)) checker.problems.push(`${path}: unsupported keyword "${keyword}"`);
  checkType(checker, node, path);
  checkEnum(checker, node, path);
  if (typeof node.format === "string" && !FORMATS.has(node.format))
    checker.problems.push(`${path}: unsupported format "${node.format}"`);
  if (typeof node.$ref === "string") checkRef(checker, node.$ref, path);
  const isObject = typesOf(node).includes("object");
  const level = isObject ? depth + 1 : depth;
  if (isObject) checkObject(checker, node, path, level);
  if (typesOf(node).includes("array")) checkArray(checker, node, path, level);
  if (node.anyOf !== undefined) checkAnyOf(checker, node.anyOf, path, level);
  for (const key of ["$defs", "definitions"] as const) checkDefinitions(checker, node[key], `${path}.${key}`);
}

function typesOf(node: Json): unknown[] {
  return Array.isArray(node.type) ? node.type : [node.type];
}

function checkType(checker: Checker, node: Json, path: string): void {
  if (node.type === undefined) {
    const described = ["anyOf", "$ref", "enum", "const"].some((keyword) => node[keyword] !== undefined);
    if (!described) checker.problems.push(`${path}: no type (a free-form value)`);
    return;
  }
  for (const type of typesOf(node))
    if (typeof type !== "string" || !TYPES.has(type))
      checker.problems.push(`${path}: unsupported type ${String(type)}`);
}

function checkEnum(checker: Checker, node: Json, path: string): void {
  if (typeof node.const === "string") checker.totals.stringChars += node.const.length;
  if (node.enum === undefined) return;
  if (!Array.isArray(node.enum)) {
    checker.problems.push(`${path}: enum must be a list`);
    return;
  }
  const chars = node.enum.reduce<number>((sum, value) => sum + (typeof value === "string" ? value.length : 0), 0);
  checker.totals.enumValues += node.enum.length;
  checker.totals.stringChars += chars;
  if (node.enum.length > LIMITS.bigEnumValues && chars > LIMITS.bigEnumChars)
    checker.problems.push(
      `${path}: ${node.enum.length} enum values of ${chars} characters (at most ${LIMITS.bigEnumChars})`,
    );
}

function checkRef(checker: Checker, ref: string, path: string): void {
  if (ref === "#") return;
  const match = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(ref);
  const definitions = match ? checker.root[match[1] ?? ""] : undefined;
  if (!match || !isJson(definitions) || definitions[match[2] ?? ""] === undefined)
    checker.problems.push(`${path}: $ref ${ref} does not point into the schema's definitions`);
}

function checkObject(checker: Checker, node: Json, path: string, level: number): void {
  if (level > LIMITS.nesting)
    checker.problems.push(`${path}: nested ${level} objects deep (at most ${LIMITS.nesting})`);
  if (node.additionalProperties !== false)
    checker.problems.push(`${path}: additionalProperties must be false (free-form keys are not allowed)`);
  const properties = isJson(node.properties) ? node.properties : {};
  if (!isJson(node.properties)) checker.problems.push(`${path}: an object must list its properties`);
  const keys = Object.keys(properties);
  const required = Array.isArray(node.required) ? node.required : [];
  for (const key of keys) if (!required.includes(key)) checker.problems.push(`${path}.${key}: not required (optional)`);
  for (const key of required)
    if (typeof key !== "string" || !keys.includes(key))
      checker.problems.push(`${path}: requires unknown ${String(key)}`);
  checker.totals.properties += keys.length;
  for (const key of keys) {
    checker.totals.stringChars += key.length;
    checkNode(checker, properties[key], `${path}.${key}`, level);
  }
}

function checkArray(checker: Checker, node: Json, path: string, level: number): void {
  if (Array.isArray(node.items)) checker.problems.push(`${path}: tuple items are not supported`);
  else if (node.items === undefined) checker.problems.push(`${path}: an array must say what its items are`);
  else checkNode(checker, node.items, `${path}[]`, level);
}

function checkAnyOf(checker: Checker, anyOf: unknown, path: string, level: number): void {
  if (!Array.isArray(anyOf)) {
    checker.problems.push(`${path}: anyOf must be a list`);
    return;
  }
  anyOf.forEach((branch, i) => checkNode(checker, branch, `${path}.anyOf[${i}]`, level));
}

function checkDefinitions(checker: Checker, definitions: unknown, path: string): void {
  if (definitions === undefined) return;
  if (!isJson(definitions)) {
    checker.problems.push(`${path}: must map names to schemas`);
    return;
  }
  for (const [name, definition] of Object.entries(definitions)) {
    checker.totals.stringChars += name.length;
    checkNode(checker, definition, `${path}.${name}`, 0);
  }
}
