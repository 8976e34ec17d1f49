/**
 * Domain errors. Code under server/ throws these; the tRPC edge (server/trpc/trpc.ts) maps each `code` to a
 * tRPC error code, so domain modules never import tRPC.
 */
export type DomainErrorCode = "NOT_FOUND" | "CONFLICT" | "FORBIDDEN" | "BAD_REQUEST" | "PRECONDITION_FAILED" | "UNAVAILABLE";

export class DomainError extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (message: string, details?: Record<string, unknown>) => new DomainError("NOT_FOUND", message, details);
export const conflict = (message: string, details?: Record<string, unknown>) => new DomainError("CONFLICT", message, details);
export const forbidden = (message: string, details?: Record<string, unknown>) => new DomainError("FORBIDDEN", message, details);
export const badRequest = (message: string, details?: Record<string, unknown>) => new DomainError("BAD_REQUEST", message, details);
export const unavailable = (message: string, details?: Record<string, unknown>) => new DomainError("UNAVAILABLE", message, details);

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
