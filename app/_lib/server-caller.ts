import "server-only";
import { TRPCError } from "@trpc/server";
import type { RouterOutputs } from "./router-types";
import { getAppServices } from "@/server/services";
import { createCaller } from "@/server/trpc/root";
import { createContext } from "@/server/trpc/trpc";

/** Server components call procedures in-process through the same router (and the same ownership rules). */
export async function serverCaller(headers: Headers) {
  return createCaller(await createContext(headers, await getAppServices()));
}

const HIDDEN = new Set(["NOT_FOUND", "BAD_REQUEST", "FORBIDDEN", "UNAUTHORIZED"]);

/**
 * The job as this caller may see it, or null when there is nothing to show: unknown, malformed id, or someone
 * else's job (a 404 does not reveal that it exists). Anything else is thrown.
 */
export async function loadJob(jobId: string, headers: Headers): Promise<RouterOutputs["jobs"]["get"] | null> {
  try {
    return await (await serverCaller(headers)).jobs.get({ jobId });
  } catch (error) {
    if (error instanceof TRPCError && HIDDEN.has(error.code)) return null;
    throw error;
  }
}
