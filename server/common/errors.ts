/**
 * Domain errors. Code under server/ throws these; the tRPC edge (server/trpc/trpc.ts) maps each `code` to a
 * tRPC error code, so domain modules never import tRPC.
 */
export type DomainErrorCode =
  | "NOT_FOUND"
  | "CONFLICT"
  | "FORBIDDEN"
  | "BAD_REQUEST"
  | "PRECONDITION_FAILED"
  | "UNAVAILABLE"
  | "RATE_LIMITED"
  | "UNAUTHORIZED";

/**
 * Next.js may load this module more than once in one process (instrumentation and each route bundle), so an
 * error built by one copy is not `instanceof` another copy's class; a global symbol brand identifies it anyway.
 */
const DOMAIN_ERROR = Symbol.for("skill-fleet.DomainError");

export class DomainError extends Error {
  readonly [DOMAIN_ERROR] = true;

  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (message: string, details?: Record<string, unknown>) =>
  new DomainError("NOT_FOUND", message, details);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError("CONFLICT", message, details);
export const forbidden = (message: string, details?: Record<string, unknown>) =>
  new DomainError("FORBIDDEN", message, details);
export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new DomainError("BAD_REQUEST", message, details);
export const preconditionFailed = (message: string, details?: Record<string, unknown>) =>
  new DomainError("PRECONDITION_FAILED", message, details);
export const unauthorized = (message: string, details?: Record<string, unknown>) =>
  new DomainError("UNAUTHORIZED", message, details);
export const unavailable = (message: string, details?: Record<string, unknown>) =>
  new DomainError("UNAVAILABLE", message, details);

export function isDomainError(error: unknown): error is DomainError {
  return (
    error instanceof DomainError ||
    (error instanceof Error && (error as Partial<Record<typeof DOMAIN_ERROR, unknown>>)[DOMAIN_ERROR] === true)
  );
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
