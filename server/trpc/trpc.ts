import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { callerIdFromHeaders } from "../common/caller";
import { isDomainError, type DomainErrorCode } from "../common/errors";
import { loggerFor, userText } from "../common/logger";
import type { AppServices } from "../services";

/**
 * The one tRPC instance: context, base procedures, error formatting and SSE settings. Routers live in
 * ./routers/<area>/, one file per procedure with the area's schemas in ./routers/<area>/schemas.ts, and are
 * registered only in ./root.ts.
 */

export interface Context {
  /** Caller identity from the `x-user-id` header (the UI sets it from a cookie); `default` when absent. */
  userId: string;
  /** The domain's services, built once at boot (server/services.ts): the procedures' only way in. */
  services: AppServices;
}

export function createContext(headers: Headers, services: AppServices): Context {
  try {
    return { userId: callerIdFromHeaders(headers), services };
  } catch (error) {
    throw toTRPCError(error) ?? error;
  }
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

/**
 * Subscriptions over SSE: a ping after 2 s of silence keeps the connection alive; a client that hears nothing for 5 s
 * reconnects (resuming after the last tracked id). Shared with the jobs.events fast path (routers/jobs/events-sse.ts).
 */
export const SSE_SETTINGS = {
  ping: { enabled: true, intervalMs: 2_000 },
  client: { reconnectAfterInactivityMs: 5_000 },
} as const;

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  isDev: false, // never put stack traces in responses
  sse: SSE_SETTINGS,
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
