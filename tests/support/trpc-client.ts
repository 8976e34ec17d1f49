import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { EventSource } from "eventsource";
import superjson from "superjson";
import type { AppRouter } from "../../server/trpc/root";

/** A Node tRPC client of the running server, as the browser's (SSE subscriptions through `eventsource` v4). */
export function nodeClient(url: string, userId?: string) {
  const headers: Record<string, string> = userId ? { "x-user-id": userId } : {};
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({
          url: `${url}/api/trpc`,
          transformer: superjson,
          EventSource,
          eventSourceOptions: () => ({ fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...headers } }) }),
        }),
        false: httpBatchLink({ url: `${url}/api/trpc`, transformer: superjson, headers }),
      }),
    ],
  });
}
