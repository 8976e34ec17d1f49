import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { EventSource } from "eventsource";
import superjson from "superjson";
import type { AppRouter } from "../server/trpc/root";

/**
 * A Node tRPC client of a running Skill Fleet server, shaped like the browser's: queries and mutations batched
 * over HTTP, subscriptions over SSE (`eventsource` v4, which lets us send the `x-user-id` header the browser's
 * EventSource cannot). Only the router's type is imported, so nothing of the server runs in the client.
 */
export function createSkillFleetClient(url: string, userId?: string) {
  const endpoint = `${url.replace(/\/+$/, "")}/api/trpc`;
  const headers: Record<string, string> = userId ? { "x-user-id": userId } : {};
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
        false: httpBatchLink({ url: endpoint, transformer: superjson, headers }),
      }),
    ],
  });
}

export type SkillFleetClient = ReturnType<typeof createSkillFleetClient>;
