import type { TRPCError } from "@trpc/server";
import { recordTrpcCall } from "../observability/live-metrics";
import { appRouter } from "./root";

/**
 * Counts the tRPC requests no procedure ran for (docs/operations.md): refused before the call (body too large, too
 * many calls, no caller) or naming no procedure. Calls that reach a procedure are counted by its middleware
 * (trpc.ts). The procedure label is a name the router knows, or `unknown`: a path a client made up never becomes
 * a label of its own.
 */
const PROCEDURES = new Set(Object.keys(appRouter._def.procedures));

export function recordUnrunCall(opts: {
  error: TRPCError;
  path: string | undefined;
  ctx: unknown;
  type: string;
}): void {
  const known = opts.path !== undefined && PROCEDURES.has(opts.path);
  if (known && opts.ctx !== undefined) return; // its procedure ran: the middleware counted it
  recordTrpcCall({
    procedure: known ? (opts.path ?? "unknown") : "unknown",
    type: opts.type,
    code: opts.error.code,
    seconds: 0,
  });
}
