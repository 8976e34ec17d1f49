import type { TRPCClientErrorLike } from "@trpc/client";
import type { AppRouter } from "@/server/trpc/root";

/**
 * What a failed call means to the person using the page: the server could not be reached at all, a field they
 * filled was refused (zod issue paths → the field's own message), or something else, as one sentence.
 */
export type ApiError = TRPCClientErrorLike<AppRouter>;

/** A tRPC error always carries the server's `data`; without it no answer came back (server down, network cut). */
export function isUnreachable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  return !("data" in error && error.data);
}

export function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** The refused fields of an input, each with its first problem as a sentence: `{ task: "Task must be at …" }`. */
export function fieldErrors(error: ApiError | null | undefined): Record<string, string> {
  const fields: Record<string, string[] | undefined> = error?.data?.zodError?.fieldErrors ?? {};
  return Object.fromEntries(
    Object.entries(fields).flatMap(([field, messages]) => (messages?.[0] ? [[field, sentence(messages[0])]] : [])),
  );
}

export const UNREACHABLE = "The server cannot be reached right now.";

/**
 * The error as one sentence for the form as a whole, or null when every problem belongs to a field (those are
 * shown next to their field; the raw list of issues never reaches the page).
 */
export function formError(error: ApiError | null | undefined): string | null {
  if (!error) return null;
  if (isUnreachable(error)) return UNREACHABLE;
  const zod = error.data?.zodError;
  if (zod) return zod.formErrors[0] ? sentence(zod.formErrors[0]) : null;
  return sentence(error.message);
}
