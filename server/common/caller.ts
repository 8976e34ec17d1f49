import { DEFAULT_USER, USER_COOKIE, USER_ID_PATTERN, USER_ID_RULE } from "../../contracts/caller";
import { badRequest } from "./errors";

/** The caller's identity from a request (contracts/caller.ts has the rules); used by tRPC and the download routes. */

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
