import { stripVTControlCharacters } from "node:util";

/**
 * The one place that makes user-supplied text safe to put in a log line: ANSI escapes and control characters
 * removed, newlines flattened (no forged log lines), secrets and bearer tokens masked, length capped.
 */
const CONTROL_CHARS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NEWLINES = /\r\n|\r|\n|\t/g;

const SECRET_PATTERNS: RegExp[] = [
  /\b(sk|pk|rk)-(?:ant-|proj-|live-|test-)?[A-Za-z0-9_-]{12,}/g, // OpenAI / Anthropic / Stripe style keys
  /\bAIza[0-9A-Za-z_-]{20,}/g, // Google API keys
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g, // GitHub tokens
  /\bxox[abpr]-[A-Za-z0-9-]{10,}/g, // Slack tokens
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, // JWTs
  /\bAKIA[0-9A-Z]{16}\b/g, // AWS access key ids
];
const BEARER = /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
const KEY_VALUE_SECRET = /\b(api[_-]?key|secret|password|passwd|token|authorization)(["']?\s*[:=]\s*["']?)[^\s"',;]+/gi;
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi;

export const DEFAULT_LOG_VALUE_LIMIT = 500;

export function maskSecrets(text: string): string {
  let masked = text.replace(URL_CREDENTIALS, "$1***:***@");
  masked = masked.replace(BEARER, (_m, scheme: string) => `${scheme} ***`);
  masked = masked.replace(KEY_VALUE_SECRET, (_m, key: string, sep: string) => `${key}${sep}***`);
  for (const pattern of SECRET_PATTERNS) masked = masked.replace(pattern, "***");
  return masked;
}

export function sanitizeForLog(value: unknown, limit = DEFAULT_LOG_VALUE_LIMIT): string {
  const text = typeof value === "string" ? value : safeStringify(value);
  const cleaned = maskSecrets(stripVTControlCharacters(text).replace(NEWLINES, " ").replace(CONTROL_CHARS, ""));
  if (cleaned.length <= limit) return cleaned;
  return `${cleaned.slice(0, limit)}…[+${cleaned.length - limit} chars]`;
}

/**
 * Text that came from a user or a model, made safe to print on a terminal: escape sequences and control
 * characters removed (no cursor tricks, no forged colours, no line overwrites via a bare CR), newlines and tabs kept.
 */
export function sanitizeForTerminal(text: string): string {
  return stripVTControlCharacters(text.replace(/\r\n?/g, "\n")).replace(CONTROL_CHARS, "");
}

function safeStringify(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
