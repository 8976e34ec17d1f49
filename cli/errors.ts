import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "../server/trpc/root";

/**
 * How the CLI reports failures: one readable line (or a few for input problems), never a stack. A server that
 * cannot be reached says so with the URL; a tRPC error prints its message, with zod problems listed per field.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

type ClientError = TRPCClientError<AppRouter>;

/** The innermost cause of a network failure (`connect ECONNREFUSED 127.0.0.1:3000`, `getaddrinfo ENOTFOUND x`). */
function networkDetail(error: Error): string {
  let cause: unknown = error;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  if (cause instanceof AggregateError && cause.errors[0] instanceof Error) cause = cause.errors[0];
  return cause instanceof Error ? cause.message : String(cause);
}

/** True when the request never got an HTTP answer (fetch itself failed): the server is down or unreachable. */
export function isUnreachable(error: unknown): boolean {
  return error instanceof TRPCClientError && error.cause instanceof TypeError && error.cause.message === "fetch failed";
}

/** The server flattens zod errors (`z.flattenError`): form-level messages and messages per field. */
interface FlatZodError {
  formErrors: string[];
  fieldErrors: Record<string, string[] | undefined>;
}

function zodProblems(error: ClientError): string | null {
  const flat = error.data?.zodError as FlatZodError | null | undefined;
  if (!flat) return null;
  const fields = Object.entries(flat.fieldErrors).map(
    ([field, messages]) => `${field}: ${(messages ?? []).join("; ")}`,
  );
  const lines = [...flat.formErrors, ...fields];
  return lines.length > 0 ? `invalid input:\n  ${lines.join("\n  ")}` : null;
}

function describeClientError(error: ClientError, url: string): string {
  if (isUnreachable(error)) return `cannot reach Skill Fleet at ${url}: ${networkDetail(error)}`;
  // No tRPC error shape: something answered, but not a Skill Fleet server (a proxy page, another app).
  if (!error.data) return `unexpected answer from ${url}: ${error.message}`;
  return zodProblems(error) ?? `${error.message} (${error.data.code})`;
}

export function describeError(error: unknown, url: string): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof TRPCClientError) return { message: describeClientError(error as ClientError, url), exitCode: 1 };
  return { message: error instanceof Error ? error.message : String(error), exitCode: 1 };
}

/** The tRPC code of an error (CONFLICT, NOT_FOUND…), or null when it is not a tRPC error. */
export function errorCode(error: unknown): string | null {
  return error instanceof TRPCClientError ? ((error as ClientError).data?.code ?? null) : null;
}
