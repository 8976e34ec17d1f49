import { z } from "zod";

/**
 * What text a client may send (docs/security.md, "Input"): any Unicode except NUL and the other control
 * characters (tab, line feed and carriage return are fine), and no unpaired UTF-16 surrogate (a half of a
 * character that PostgreSQL and every encoder refuse). Shared by the server's input schemas, the UI and the CLI.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

/** Why `value` cannot be stored or shown as text, or null when it can. */
export function textProblem(value: string): string | null {
  if (value.includes("\0")) return "contains a NUL byte";
  if (hasControlCharacter(value)) return "contains a control character";
  if (LONE_SURROGATE.test(value)) return "contains an unpaired UTF-16 surrogate (not valid Unicode)";
  return null;
}

/** A zod string that refuses what `textProblem` refuses, naming the field through the issue's path. */
export function cleanString() {
  return z.string().superRefine((value, ctx) => {
    const problem = textProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

/** How deep a JSON answer may nest: real checkpoint answers are two or three levels deep. */
export const MAX_JSON_DEPTH = 16;

export interface JsonProblem {
  path: (string | number)[];
  message: string;
}

function entriesOf(value: unknown): [string | number, unknown][] {
  if (Array.isArray(value)) return value.map((item, index) => [index, item]);
  return typeof value === "object" && value !== null ? Object.entries(value) : [];
}

/** The first key or string inside a JSON value that `textProblem` refuses, or a nesting deeper than allowed. */
export function jsonTextProblem(value: unknown, path: (string | number)[] = []): JsonProblem | null {
  if (path.length > MAX_JSON_DEPTH) return { path, message: `nests deeper than ${MAX_JSON_DEPTH} levels` };
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? { path, message: problem } : null;
  }
  for (const [key, item] of entriesOf(value)) {
    const keyProblem = typeof key === "string" ? textProblem(key) : null;
    if (keyProblem) return { path: [...path, key], message: `has a key that ${keyProblem}` };
    const inner = jsonTextProblem(item, [...path, key]);
    if (inner) return inner;
  }
  return null;
}

/** A JSON object from a client (a checkpoint answer): clean text throughout, bounded nesting. */
export const cleanJsonObject = z.record(z.string(), z.json()).superRefine((value, ctx) => {
  const problem = jsonTextProblem(value);
  if (problem) ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
});
