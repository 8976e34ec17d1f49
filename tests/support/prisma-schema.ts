import fs from "node:fs";
import path from "node:path";

/**
 * A small reader for our own prisma/schema.prisma (models, scalar fields, enums, unique sets), enough to compare
 * the schema with what the migrations built. It understands the subset of the Prisma language this project uses.
 */
export interface SchemaField {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  nativeType: string | null; // e.g. "VarChar(128)", "Uuid", "Timestamptz(3)"
  /** The database type of an `Unsupported("…")` field (e.g. "tsvector"), which the client never reads. */
  unsupported: string | null;
  relation: boolean;
}

export interface SchemaModel {
  name: string;
  /** The table: `@@map("…")` when the model names one, else the model's name. */
  table: string;
  fields: SchemaField[];
  uniques: string[][];
}

export interface PrismaSchema {
  models: SchemaModel[];
  enums: Map<string, string[]>;
}

const SCALARS = new Set(["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes"]);

function blocks(text: string, keyword: string): { name: string; body: string[] }[] {
  const pattern = new RegExp(`^${keyword}\\s+(\\w+)\\s*\\{([\\s\\S]*?)^\\}`, "gm");
  return [...text.matchAll(pattern)].map((m) => ({
    name: m[1] ?? "",
    body: (m[2] ?? "")
      .split("\n")
      .map((line) => line.replace(/\/\/.*$/, "").trim())
      .filter(Boolean),
  }));
}

function parseField(line: string, enums: Set<string>): SchemaField | null {
  const unsupported = /^(\w+)\s+Unsupported\("([^"]+)"\)(\?)?/.exec(line);
  if (unsupported) {
    const [, name = "", dbType = "", optional] = unsupported;
    const base = { type: "Unsupported", list: false, nativeType: null, relation: false };
    return { ...base, name, optional: Boolean(optional), unsupported: dbType };
  }
  const match = /^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
  if (!match || line.startsWith("@@")) return null;
  const [, name = "", type = "", list, optional, rest = ""] = match;
  const nativeType = /@db\.(\w+(?:\([^)]*\))?)/.exec(rest)?.[1] ?? null;
  const relation = !SCALARS.has(type) && !enums.has(type);
  return { name, type, optional: Boolean(optional), list: Boolean(list), nativeType, unsupported: null, relation };
}

/** `@@id([…])` and `@@unique([…])` sets, and single fields marked `@unique`. */
function parseUniques(body: string[]): string[][] {
  const sets = body
    .map((line) => /^@@(?:unique|id)\(\[([^\]]+)\]/.exec(line)?.[1])
    .filter((fields): fields is string => Boolean(fields))
    .map((fields) => fields.split(",").map((f) => f.trim().replace(/\(.*\)$/, "")));
  const singles = body.filter((line) => /^\w+\s.*\s@unique\b/.test(line)).map((line) => [line.split(/\s+/)[0] ?? ""]);
  return [...sets, ...singles];
}

export function readPrismaSchema(file = path.resolve("prisma/schema.prisma")): PrismaSchema {
  const text = fs.readFileSync(file, "utf8");
  const enums = new Map(blocks(text, "enum").map((b) => [b.name, b.body] as const));
  const enumNames = new Set(enums.keys());
  const models = blocks(text, "model").map((b) => ({
    name: b.name,
    table: b.body.map((line) => /^@@map\("([^"]+)"\)/.exec(line)?.[1]).find(Boolean) ?? b.name,
    fields: b.body.map((line) => parseField(line, enumNames)).filter((f): f is SchemaField => f !== null),
    uniques: parseUniques(b.body),
  }));
  return { models, enums };
}
