import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { isSharedMode } from "./server/common/access-mode";
import { env } from "./server/common/env";
import { declaredBodyRefusal } from "./server/http/body-limit";
import { hostRefusal, originRefusal, urlRefusal, type Refusal } from "./server/http/request-guards";
import { contentSecurityPolicy, newNonce } from "./server/http/security-headers";

/**
 * Runs before every route (Next.js 16's proxy, formerly middleware; docs/security.md): refuses undecodable URLs,
 * foreign hosts in local mode and foreign origins on mutations, sends signed-out visitors of a shared server to
 * the sign-in page, refuses bodies that declare more than SKILL_FLEET_MAX_BODY_BYTES (413, in words), and gives each
 * page its CSP nonce. The fixed headers come from next.config.mjs, and so does the size up to which Next.js hands a
 * body on (experimental.proxyClientMaxBodySize, set above the app's own limit).
 */
const SIGN_IN_PAGE = "/sign-in";
const PUBLIC_PAGES = new Set([SIGN_IN_PAGE]);
/** Routes that check their callers themselves and answer machines (Prometheus), never with a sign-in redirect. */
const SELF_GUARDED = new Set(["/metrics"]);

function refuse(refusal: Refusal): NextResponse {
  return NextResponse.json({ error: refusal.message }, { status: refusal.status });
}

function needsSignIn(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/api/") || PUBLIC_PAGES.has(pathname) || SELF_GUARDED.has(pathname)) return false;
  return getSessionCookie(request) === null;
}

function withNonce(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export function proxy(request: NextRequest): NextResponse {
  const settings = env();
  const shared = isSharedMode(settings);
  const refusal =
    urlRefusal(new URL(request.url)) ??
    hostRefusal(request.headers.get("host"), shared) ??
    originRefusal(request, settings.SKILL_FLEET_PUBLIC_URL) ??
    declaredBodyRefusal(
      request.nextUrl.pathname,
      request.headers.get("content-length"),
      settings.SKILL_FLEET_MAX_BODY_BYTES,
    );
  if (refusal) return refuse(refusal);
  if (shared && needsSignIn(request)) {
    const target = new URL(SIGN_IN_PAGE, request.url);
    target.searchParams.set("next", request.nextUrl.pathname);
    return NextResponse.redirect(target);
  }
  return withNonce(request);
}

export const config = {
  // Static files need no nonce; every page and API route goes through the checks.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
