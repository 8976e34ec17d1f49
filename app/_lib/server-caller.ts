import "server-only";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/trpc/root";
import { createContext } from "@/server/trpc/trpc";

/** Server components call procedures in-process through the same router (and the same ownership rules). */
export function serverCaller(headers: Headers) {
  return createCaller(createContext(headers));
}

/** True when the job exists for this caller; NOT_FOUND and bad ids are false, anything else is thrown. */
export async function jobExists(jobId: string, headers: Headers): Promise<boolean> {
  try {
    await serverCaller(headers).jobs.get({ jobId });
    return true;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return false;
    throw error;
  }
}
