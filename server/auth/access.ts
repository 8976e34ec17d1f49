import { callerIdFromHeaders } from "../common/caller";
import { unauthorized } from "../common/errors";
import { env, type Env } from "../common/env";
import { isSharedMode } from "../common/access-mode";
import type { PrismaClient } from "../db/client";
import { ApiTokens } from "./api-tokens";
import { prismaApiTokens } from "./repositories/api-token-repository";
import { createSignIn, type SignIn } from "./sign-in";

/**
 * Who is calling (docs/security.md, "Identity"). Local mode: the `x-user-id` header or the UI's cookie, else
 * `default`. Shared mode: a personal API token (`Authorization: Bearer sft_…`) or a better-auth session cookie;
 * the header and the local cookie are ignored, and a request with neither has no caller (null).
 */
export interface Access {
  mode: "local" | "shared";
  caller(headers: Headers): Promise<string | null>;
  /** Shared mode only: better-auth, and the API tokens. */
  signIn: SignIn | null;
  tokens: ApiTokens | null;
}

export const localAccess: Access = {
  mode: "local",
  caller: async (headers) => callerIdFromHeaders(headers),
  signIn: null,
  tokens: null,
};

function bearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

export function sharedAccess(prisma: PrismaClient, settings: Env = env()): Access {
  const signIn = createSignIn(prisma, settings);
  const tokens = new ApiTokens(prismaApiTokens(prisma));
  return {
    mode: "shared",
    signIn,
    tokens,
    async caller(headers) {
      const token = bearerToken(headers);
      if (token) return tokens.ownerOf(token);
      const session = await signIn.api.getSession({ headers });
      return session?.user.id ?? null;
    },
  };
}

/** The access rules this process runs with, from its settings. */
export function accessFromEnv(prisma: PrismaClient): Access {
  return isSharedMode(env()) ? sharedAccess(prisma) : localAccess;
}

/** The caller, or UNAUTHORIZED: only shared mode can have nobody calling. */
export function requiredCaller(caller: string | null): string {
  if (caller === null)
    throw unauthorized(
      "Sign in first: this server is shared (sign in on its web page, or send a personal API token as Authorization: Bearer).",
    );
  return caller;
}
