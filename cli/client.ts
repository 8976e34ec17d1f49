import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { EventSource } from "eventsource";
import superjson from "superjson";
import { DEFAULT_MAX_BATCH } from "../contracts/limits";
import type { AppRouter } from "../server/trpc/root";

/**
 * A Node tRPC client of a running Skill Fleet server, shaped like the browser's: queries and mutations batched
 * over HTTP, subscriptions over SSE (`eventsource` v4, which lets us send the identity headers the browser's
 * EventSource cannot). Only the router's type is imported, so nothing of the server runs in the client.
 */
export interface ClientIdentity {
  /** Local mode: act as this user (`x-user-id`). */
  userId?: string;
  /** Shared mode: a personal API token (`Authorization: Bearer`). */
  token?: string;
}

export function identityHeaders(identity: ClientIdentity): Record<string, string> {
  return {
    ...(identity.userId ? { "x-user-id": identity.userId } : {}),
    ...(identity.token ? { authorization: `Bearer ${identity.token}` } : {}),
  };
}

export function createSkillFleetClient(url: string, identity: ClientIdentity = {}) {
  const endpoint = `${url.replace(/\/+$/, "")}/api/trpc`;
  const headers = identityHeaders(identity);
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({
          url: endpoint,
          transformer: superjson,
          EventSource,
          eventSourceOptions: () => ({
            fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...headers } }),
          }),
        }),
        false: httpBatchLink({ url: endpoint, transformer: superjson, headers, maxItems: DEFAULT_MAX_BATCH }),
      }),
    ],
  });
}

export type SkillFleetClient = ReturnType<typeof createSkillFleetClient>;
