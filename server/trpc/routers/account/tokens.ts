import { z } from "zod";
import type { ApiTokens } from "../../../auth/api-tokens";
import { preconditionFailed } from "../../../common/errors";
import { publicProcedure } from "../../trpc";
import { createTokenInput, createTokenOutput, revokeTokenInput, revokeTokenOutput, tokensOutput } from "./schemas";

/** Personal API tokens exist only in shared mode: a local server trusts its loopback callers. */
function tokensOf(tokens: ApiTokens | null): ApiTokens {
  if (!tokens) throw preconditionFailed("API tokens are for shared mode; this server runs in local mode.");
  return tokens;
}

export const tokensProcedure = publicProcedure
  .input(z.void())
  .output(tokensOutput)
  .query(async ({ ctx }) => ({ items: await tokensOf(ctx.services.access.tokens).list(ctx.userId) }));

export const createTokenProcedure = publicProcedure
  .input(createTokenInput)
  .output(createTokenOutput)
  .mutation(async ({ input, ctx }) => {
    const { token, record } = await tokensOf(ctx.services.access.tokens).create(ctx.userId, input.name);
    return { token, item: record };
  });

export const revokeTokenProcedure = publicProcedure
  .input(revokeTokenInput)
  .output(revokeTokenOutput)
  .mutation(async ({ input, ctx }) => {
    await tokensOf(ctx.services.access.tokens).revoke(ctx.userId, input.id);
    return { revoked: true as const };
  });
