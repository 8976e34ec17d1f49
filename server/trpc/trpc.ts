import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { isDomainError, type DomainErrorCode } from "../common/errors";
import { loggerFor, userText } from "../common/logger";

/**
 * The one tRPC instance: context, base procedures, error formatting and SSE settings. Routers live in
 * ./routers/<area>/, one file per procedure, and are registered only in ./root.ts.
 */
export const DEFAULT_USER = "default";
const USER_ID = /^[A-Za-z0-9._@-]{1,128}$/;

export interface Context {
  /** Caller identity from the `x-user-id` header (the UI sets it from a cookie); `default` when absent. */
  userId: string;
}

export const USER_COOKIE = "skill-fleet-user";

/** EventSource (subscriptions) cannot send headers, so the UI's cookie is the fallback identity source. */
function userIdFromCookie(headers: Headers): string | undefined {
  const cookie = headers.get("cookie")?.split(/;\s*/).find((c) => c.startsWith(`${USER_COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.slice(USER_COOKIE.length + 1)) : undefined;
}

export function createContext(headers: Headers): Context {
  const raw = (headers.get("x-user-id") ?? userIdFromCookie(headers))?.trim();
  if (!raw) return { userId: DEFAULT_USER };
  if (!USER_ID.test(raw)) throw new TRPCError({ code: "BAD_REQUEST", message: "x-user-id must be 1–128 letters, digits, '.', '_', '@' or '-'" });
  return { userId: raw };
}

const DOMAIN_TO_TRPC: Record<DomainErrorCode, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  FORBIDDEN: "FORBIDDEN",
  BAD_REQUEST: "BAD_REQUEST",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

/** Domain errors become the matching tRPC error; anything else stays as it is. */
export function toTRPCError(error: unknown): TRPCError | null {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (isDomainError(cause)) return new TRPCError({ code: DOMAIN_TO_TRPC[cause.code], message: cause.message, cause });
  return null;
}

const log = () => loggerFor("trpc");

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  isDev: false, // never put stack traces in responses
  sse: {
    ping: { enabled: true, intervalMs: 2_000 },
    client: { reconnectAfterInactivityMs: 5_000 },
  },
  errorFormatter({ shape, error, path }) {
    const mapped = toTRPCError(error);
    const internal = !mapped && error.code === "INTERNAL_SERVER_ERROR";
    if (internal) log().error({ path, err: userText(error.cause ?? error, 2_000) }, "internal error");
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      message: internal ? "Internal server error" : (mapped ?? error).message,
      data: {
        ...data,
        code: mapped?.code ?? shape.data.code,
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
      },
    };
  },
});

/** Turns domain errors thrown by handlers into typed tRPC errors, so the HTTP status matches (404, 409, 403…). */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error);
    if (mapped) throw mapped;
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapDomainErrors);
