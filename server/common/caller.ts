import { badRequest } from "./errors";

/**
 * Who is calling (SPEC §6, reference §3.3): the `x-user-id` header, or the UI's cookie (EventSource cannot send
 * headers), else `default`. One definition for the tRPC context, the download routes, the UI and the CLI.
 */
export const DEFAULT_USER = "default";
export const USER_COOKIE = "skill-fleet-user";
export const USER_ID_PATTERN = /^[A-Za-z0-9._@-]{1,128}$/;
export const USER_ID_RULE = "1–128 letters, digits, '.', '_', '@' or '-'";

function userIdFromCookie(headers: Headers): string | undefined {
  const cookie = headers
    .get("cookie")
    ?.split(/;\s*/)
    .find((c) => c.startsWith(`${USER_COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.slice(USER_COOKIE.length + 1)) : undefined;
}

/** The caller's id; a malformed one is a BAD_REQUEST domain error. */
export function callerIdFromHeaders(headers: Headers): string {
  const raw = (headers.get("x-user-id") ?? userIdFromCookie(headers))?.trim();
  if (!raw) return DEFAULT_USER;
  if (!USER_ID_PATTERN.test(raw)) throw badRequest(`x-user-id must be ${USER_ID_RULE}`);
  return raw;
}
