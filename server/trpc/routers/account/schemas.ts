import { z } from "zod";
import { cleanString } from "../../../../contracts/text";

/** Wire shapes of the account area: the access mode, and personal API tokens (docs/security.md). */
export const meOutput = z.object({
  mode: z.enum(["local", "shared"]),
  /** The caller's user id (local mode: the `x-user-id` identity), or null when nobody is signed in. */
  userId: z.string().nullable(),
  providers: z.object({ github: z.boolean(), oidc: z.boolean() }),
});

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const tokensOutput = z.object({ items: z.array(apiTokenSchema) });

export const createTokenInput = z.strictObject({
  name: cleanString().trim().min(1, "name must not be empty").max(64, "name must be at most 64 characters"),
});

export const createTokenOutput = z.object({ token: z.string(), item: apiTokenSchema });

export const revokeTokenInput = z.strictObject({ id: z.uuid({ message: "id must be a UUID" }) });
export const revokeTokenOutput = z.object({ revoked: z.literal(true) });
