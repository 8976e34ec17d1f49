import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { isDomainError, type DomainErrorCode } from "../common/errors";
import { loggerFor, userText } from "../common/logger";
import { requiredCaller } from "../auth/access";
import { bodyTooLargeMessage } from "../http/body-limit";
import { recordTrpcCall } from "../observability/live-metrics";
import type { AppServices } from "../services";
import { zodErrorSentence } from "./error-message";

/**
 * The one tRPC instance: context, base procedures, error formatting and SSE settings. Routers live in
 * ./routers/<area>/, one file per procedure with the area's schemas in ./routers/<area>/schemas.ts, and are
 * registered only in ./root.ts.
 */

export interface Context {
  /**
   * Who is calling (server/auth/access.ts): in local mode the `x-user-id` header or the UI's cookie, `default`
   * when absent; in shared mode the signed-in user or an API token's owner, null for nobody.
   */
  caller: string | null;
  /** The domain's services, built once at boot (server/services.ts): the procedures' only way in. */
  services: AppServices;
}

/** What the HTTP edge measured before tRPC parses anything (app/api/trpc/[trpc]/route.ts). */
export interface RequestShape {
  calls: number;
  maxCalls: number;
  bodyTooLarge: { limit: number } | null;
  /** Why the request cannot be read as text (a body that is not UTF-8), or null. */
  unreadable: string | null;
}

function assertRequestShape(shape: RequestShape): void {
  if (shape.bodyTooLarge)
    throw new TRPCError({
      code: "PAYLOAD_TOO_LARGE",
      message: bodyTooLargeMessage(shape.bodyTooLarge.limit),
    });
  if (shape.unreadable) throw new TRPCError({ code: "BAD_REQUEST", message: shape.unreadable });
  if (shape.calls > shape.maxCalls)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `One request may carry at most ${shape.maxCalls} calls; this one has ${shape.calls}.`,
    });
}

export async function createContext(headers: Headers, services: AppServices, shape?: RequestShape): Promise<Context> {
  if (shape) assertRequestShape(shape);
  try {
    return { caller: await services.access.caller(headers), services };
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
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  UNAUTHORIZED: "UNAUTHORIZED",
};

/** Domain errors become the matching tRPC error; anything else stays as it is. */
export function toTRPCError(error: unknown): TRPCError | null {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (isDomainError(cause)) return new TRPCError({ code: DOMAIN_TO_TRPC[cause.code], message: cause.message, cause });
  return null;
}

const log = () => loggerFor("trpc");

/**
 * A CONFLICT's details travel with it: a stale save carries the changes made meanwhile (docs/library.md), so the
 * client can show them. Other errors' details stay on the server.
 */
function conflictDetails(cause: unknown): Record<string, unknown> | null {
  return isDomainError(cause) && cause.code === "CONFLICT" ? (cause.details ?? null) : null;
}

/** A sentence for the client: input problems per field, domain messages as written, nothing internal. */
function messageFor(error: TRPCError, mapped: TRPCError | null, zodError: ZodError | null): string {
  if (zodError) return zodErrorSentence(zodError);
  if (mapped) return mapped.message;
  return error.code === "INTERNAL_SERVER_ERROR" ? "Internal server error" : error.message;
}

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
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      message: messageFor(error, mapped, zodError),
      data: {
        ...data,
        code: mapped?.code ?? shape.data.code,
        zodError: zodError ? z.flattenError(zodError) : null,
        details: conflictDetails(error.cause),
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

/** Every call that reaches a procedure, timed and counted by its code (docs/operations.md); after the mapping. */
const measure = t.middleware(async ({ path, type, next }) => {
  const started = performance.now();
  const result = await next();
  const code = result.ok ? "OK" : result.error.code;
  recordTrpcCall({ procedure: path, type, code, seconds: (performance.now() - started) / 1000 });
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
/** Every procedure but the health check needs a caller; only shared mode can have none. */
const requireCaller = t.middleware(({ ctx, next }) => {
  return next({ ctx: { userId: requiredCaller(ctx.caller) } });
});

/** Answers without a caller (system.info, the health check). */
export const openProcedure = t.procedure.use(measure).use(mapDomainErrors);
/** The API: the caller's identity is `ctx.userId`. */
export const publicProcedure = openProcedure.use(requireCaller);
