import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { zipSync, type Zippable } from "fflate";
import { z } from "zod";

/**
 * The bad-input corpus (tests/fixtures/bad-input/*.json; README there): case shapes, the generators for inputs too
 * big or too binary to write by hand, placeholder substitution, and raw HTTP (node:http sends a path exactly as
 * written: no dot-segment or percent-encoding clean-up on the way).
 */
export const CORPUS_DIR = path.resolve(import.meta.dirname, "../fixtures/bad-input");

const expectation = z.strictObject({
  status: z.number().int(),
  code: z.string().optional(),
  message: z.string().optional(),
  /** "trpc" (a tRPC error or result), "plain" ({ error: "…" }), false (any body). */
  json: z.union([z.literal("trpc"), z.literal("plain"), z.literal(false)]).optional(),
  report: z.literal("failed").optional(),
  items: z.number().int().optional(),
});

export const trpcCase = z.strictObject({
  name: z.string(),
  procedure: z.string(),
  type: z.enum(["query", "mutation", "subscription"]),
  as: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  input: z.unknown().optional(),
  rawInput: z.string().optional(),
  rawQuery: z.string().optional(),
  rawBody: z.unknown().optional(),
  rawBodyBase64: z.string().optional(),
  batch: z.number().int().optional(),
  expect: expectation,
});

export const routeCase = z.strictObject({
  name: z.string(),
  method: z.string(),
  path: z.unknown(),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.string().optional(),
  expect: expectation,
});

export const cliCase = z.strictObject({
  name: z.string(),
  args: z.array(z.unknown()),
  expect: z.strictObject({ exit: z.number().int(), stderr: z.string() }),
});

export type TrpcCase = z.infer<typeof trpcCase>;
export type RouteCase = z.infer<typeof routeCase>;
export type CliCase = z.infer<typeof cliCase>;

export function loadCases<T>(file: string, schema: z.ZodType<T>): T[] {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, file), "utf8"));
  return z.array(schema).parse(raw);
}

const SKILL_MD = "---\nname: skill\ndescription: A skill. Use when testing.\n---\n\n# Skill\n";

function zipBase64(entries: Zippable): string {
  return Buffer.from(zipSync(entries, { level: 9 })).toString("base64");
}

/** A zip whose headers declare 1,000 bytes for an entry that inflates to 80 MB. */
function lyingZipBomb(): string {
  const zip = Buffer.from(zipSync({ "bomb/SKILL.md": new Uint8Array(80 * 1024 * 1024) }, { level: 9 }));
  for (let i = 0; i < zip.length - 4; i++) {
    const signature = zip.readUInt32LE(i);
    if (signature === 0x04034b50) zip.writeUInt32LE(1_000, i + 22);
    if (signature === 0x02014b50) zip.writeUInt32LE(1_000, i + 24);
  }
  return zip.toString("base64");
}

function nestedList(bytes: number): string {
  const lines = ["---", "name: nested", "description: Nested lists. Use when testing.", "---"];
  let size = 0;
  for (let depth = 0; size < bytes; depth = (depth + 1) % 400) {
    const line = `${"  ".repeat(depth)}- item ${depth}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join("\n");
}

function yamlBomb(): string {
  const levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(", ")}]`);
  }
  return `---\nname: bomb\ndescription: *i\n${levels.join("\n")}\n---\nbody\n`;
}

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { action: "proceed" };
  for (let i = 0; i < depth; i++) value = { inner: value };
  return value;
}

type Spec = Record<string, unknown>;

const GENERATORS: Record<string, (spec: Spec) => unknown> = {
  zipBomb: () => zipBase64({ "bomb/SKILL.md": new Uint8Array(80 * 1024 * 1024) }),
  lyingZipBomb,
  zip: (spec) =>
    zipBase64(
      Object.fromEntries(
        z
          .array(z.string())
          .parse(spec.entries)
          .map((name) => [name, Buffer.from(SKILL_MD)]),
      ),
    ),
  manyEntries: (spec) =>
    zipBase64(
      Object.fromEntries(Array.from({ length: Number(spec.count) }, (_, i) => [`skill/f${i}.md`, Buffer.from("x")])),
    ),
  binarySkill: () => zipBase64({ "skill/SKILL.md": new Uint8Array([0xff, 0xfe, 0x00, 0x41, 0xc0, 0xaf]) }),
  nestedList: (spec) => nestedList(Number(spec.bytes)),
  yamlBomb,
  nested: (spec) => nested(Number(spec.depth)),
};

/** Replaces `$NAME` placeholders in strings and `{ $repeat }` / `{ $generate }` objects. */
export function materialise(value: unknown, names: Record<string, string>): unknown {
  if (typeof value === "string") return value.replace(/\$[A-Z_]+/g, (name) => names[name.slice(1)] ?? name);
  if (Array.isArray(value)) return value.map((item) => materialise(item, names));
  if (typeof value !== "object" || value === null) return value;
  const spec: Spec = Object.fromEntries(Object.entries(value));
  if (typeof spec.$repeat === "string") return spec.$repeat.repeat(Number(spec.count));
  if (typeof spec.$generate === "string") {
    const generate = GENERATORS[spec.$generate];
    if (!generate) throw new Error(`unknown generator ${spec.$generate}`);
    return generate(spec);
  }
  return Object.fromEntries(Object.entries(spec).map(([key, item]) => [key, materialise(item, names)]));
}

export interface RawResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /** For an SSE stream: stop reading once the body matches this. */
  until?: RegExp;
}

/** One HTTP request exactly as written; an SSE stream is read until `until` matches (or 15 s pass). */
export function rawRequest(base: string, request: RawRequest): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      // A fresh connection per case: generating a big input blocks this process for seconds, long enough for the
      // server to close an idle keep-alive socket just as the next request is written to it.
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        headers: request.headers,
        agent: false,
      },
      (res) => {
        let body = "";
        const finish = () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body });
        };
        const timer = setTimeout(() => {
          res.destroy();
          finish();
        }, 15_000);
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
          if (request.until?.test(body)) {
            res.destroy();
            finish();
          }
        });
        res.on("end", finish);
      },
    );
    req.on("error", reject);
    if (request.body) req.setHeader("content-length", request.body.byteLength);
    req.end(request.body);
  });
}
