import type { Refusal } from "./request-guards";

/**
 * The request body limit in words (docs/security.md, "Limits"). A client that passes it is told the limit and the
 * setting that raises it, never a parse error about a body someone else cut short.
 */
export const BODY_LIMIT_SETTING = "SKILL_FLEET_MAX_BODY_BYTES";

const KIB = 1024;
const MIB = 1024 * KIB;

/** "16 MiB", "512 KiB", else the exact byte count: a limit is stated exactly, never rounded. */
export function sizeInWords(bytes: number): string {
  if (bytes >= MIB && bytes % MIB === 0) return `${bytes / MIB} MiB`;
  if (bytes >= KIB && bytes % KIB === 0) return `${bytes / KIB} KiB`;
  return `${bytes.toLocaleString("en")} bytes`;
}

export function bodyTooLargeMessage(limit: number): string {
  return `Request body too large: the limit is ${sizeInWords(limit)} (${BODY_LIMIT_SETTING}).`;
}

/**
 * A body whose declared length passes the limit, refused before anything reads it. The tRPC endpoint answers this
 * itself, as a tRPC error its clients can read (server/trpc/request-edge.ts), and also catches bodies sent without a
 * length; every other route is covered here.
 */
export function declaredBodyRefusal(pathname: string, contentLength: string | null, limit: number): Refusal | null {
  if (pathname.startsWith("/api/trpc/") || contentLength === null) return null;
  const declared = Number(contentLength);
  if (!Number.isFinite(declared) || declared <= limit) return null;
  return { status: 413, message: bodyTooLargeMessage(limit) };
}
