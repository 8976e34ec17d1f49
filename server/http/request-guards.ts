import { isLoopbackHost } from "../common/access-mode";

/**
 * Checks every request passes before any route sees it (proxy.ts; docs/security.md). Each returns the reason to
 * refuse, or null to let the request through.
 */
export interface Refusal {
  status: number;
  message: string;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

/**
 * A URL whose path or query does not decode (`%ff%fe`) is refused before routing, as is a NUL byte in the path:
 * otherwise the bytes would reach a handler as U+FFFD replacements or crash the router's own decoding.
 */
export function urlRefusal(url: URL): Refusal | null {
  const path = decoded(url.pathname);
  if (path === null)
    return { status: 400, message: "The URL path has invalid percent-encoding (it does not decode to UTF-8)." };
  if (path.includes("\0")) return { status: 400, message: "The URL path contains a NUL byte." };
  // Next.js re-encodes the query before any of our code sees it, turning undecodable bytes into U+FFFD: a
  // replacement character in a query string is the trace of invalid percent-encoding.
  const query = decoded(url.search);
  if (query === null || query.includes("\uFFFD"))
    return { status: 400, message: "The query string has invalid percent-encoding (it does not decode to UTF-8)." };
  return null;
}

/** Local mode answers only to loopback names: another Host means an exposed port or a DNS-rebinding page. */
export function hostRefusal(host: string | null, shared: boolean): Refusal | null {
  if (shared || (host !== null && isLoopbackHost(host))) return null;
  return {
    status: 403,
    message:
      "This server runs in local single-user mode and answers only on loopback; set SKILL_FLEET_AUTH=true to share it.",
  };
}

/**
 * A browser's mutation must come from this app's own pages: a foreign Origin (or a cross-site fetch) is refused.
 * Clients that are not browsers (the CLI, curl) send no Origin and are identified by their token or header.
 */
export function originRefusal(
  request: { method: string; headers: Headers; url: string },
  publicUrl: string | undefined,
): Refusal | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  const allowed = new Set([new URL(request.url).origin, ...(publicUrl ? [new URL(publicUrl).origin] : [])]);
  const host = request.headers.get("host");
  if (host) allowed.add(`${new URL(request.url).protocol}//${host}`);
  if (origin !== null && !allowed.has(origin))
    return { status: 403, message: `Requests from ${origin.slice(0, 100)} may not change anything here.` };
  if (origin === null && site === "cross-site")
    return { status: 403, message: "Cross-site requests may not change anything here." };
  return null;
}
