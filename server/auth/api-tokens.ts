import { createHash, randomBytes } from "node:crypto";
import { badRequest, notFound } from "../common/errors";
import type { ApiTokenRecord, ApiTokenRepository } from "./repositories/api-token-repository";

/**
 * Personal API tokens for the CLI and MCP clients (docs/security.md, "API tokens"): 256 random bits, shown once;
 * the database keeps only their SHA-256 (a slow password hash adds nothing for a random secret of this size).
 */
export const TOKEN_PREFIX = "sft_";
const PREFIX_SHOWN = TOKEN_PREFIX.length + 6;
const MAX_TOKENS_PER_USER = 50;

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

export class ApiTokens {
  constructor(private readonly repo: ApiTokenRepository) {}

  /** A new token for `userId`: the record as listed, and the token itself (never shown again). */
  async create(userId: string, name: string): Promise<{ token: string; record: ApiTokenRecord }> {
    const active = (await this.repo.listForUser(userId)).filter((t) => !t.revokedAt);
    if (active.length >= MAX_TOKENS_PER_USER)
      throw badRequest(`You already have ${MAX_TOKENS_PER_USER} active tokens; revoke one first.`);
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
    const record = await this.repo.create({
      userId,
      name,
      prefix: token.slice(0, PREFIX_SHOWN),
      tokenHash: hashToken(token),
    });
    return { token, record };
  }

  list(userId: string): Promise<ApiTokenRecord[]> {
    return this.repo.listForUser(userId);
  }

  async revoke(userId: string, id: string): Promise<void> {
    if (!(await this.repo.revoke(userId, id))) throw notFound(`Token '${id}' not found`);
  }

  /** The user a presented token belongs to, or null (unknown, revoked or malformed). */
  ownerOf(token: string): Promise<string | null> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 128) return Promise.resolve(null);
    return this.repo.ownerOf(hashToken(token));
  }
}
