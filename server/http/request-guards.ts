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

/** A path that does not decode (`%ff%fe`) or decodes to a NUL byte is refused before routing. */
export function pathRefusal(pathname: string): Refusal | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400, message: "The URL path has invalid percent-encoding (it does not decode to UTF-8)." };
  }
  if (decoded.includes("\0")) return { status: 400, message: "The URL path contains a NUL byte." };
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
