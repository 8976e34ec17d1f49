import type { PrismaClient } from "../../db/client";

/** Personal API tokens in the database: only their SHA-256 is stored (docs/security.md, "API tokens"). */
export interface ApiTokenRecord {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface NewApiToken {
  userId: string;
  name: string;
  prefix: string;
  tokenHash: string;
}

export interface ApiTokenRepository {
  create(input: NewApiToken): Promise<ApiTokenRecord>;
  listForUser(userId: string): Promise<ApiTokenRecord[]>;
  /** Revokes one of the user's own tokens; false when they have no such active token. */
  revoke(userId: string, id: string): Promise<boolean>;
  /** The owner of an active token with this hash (and notes its use), or null. */
  ownerOf(tokenHash: string): Promise<string | null>;
}

const SHOWN = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** Touching lastUsedAt on every request would write on every call: once a minute is enough to show "last used". */
const LAST_USED_RESOLUTION_MS = 60_000;

export function prismaApiTokens(prisma: PrismaClient): ApiTokenRepository {
  return {
    create: (input) => prisma.apiToken.create({ data: input, select: SHOWN }),
    listForUser: (userId) =>
      prisma.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, select: SHOWN }),
    async revoke(userId, id) {
      const { count } = await prisma.apiToken.updateMany({
        where: { id, userId, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      return count > 0;
    },
    async ownerOf(tokenHash) {
      const row = await prisma.apiToken.findUnique({ where: { tokenHash } });
      if (!row || row.revokedAt) return null;
      const now = new Date();
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS)
        await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
      return row.userId;
    },
  };
}
