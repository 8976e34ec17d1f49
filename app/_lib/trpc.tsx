"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useEffect, useState, type ReactNode } from "react";
import superjson from "superjson";
import { USER_COOKIE } from "@/contracts/caller";
import { DEFAULT_MAX_BATCH } from "@/contracts/limits";
import type { AppRouter } from "@/server/trpc/root";
import { isUnreachable } from "./api-errors";
import { onRecovery, reportReachable, reportUnreachable } from "./connectivity";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** The caller identity sent as `x-user-id` (docs/architecture.md, Identity); absent means the `default` user. */
function userIdFromCookie(): string | undefined {
  if (typeof document === "undefined") return undefined;
  const match = document.cookie.split("; ").find((c) => c.startsWith(`${USER_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(USER_COOKIE.length + 1)) : undefined;
}

/** Every call tells the connectivity store whether the server answered (docs/ui.md, Outages). */
function makeQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isUnreachable(error)) reportUnreachable();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError, onSuccess: reportReachable }),
    mutationCache: new MutationCache({ onError, onSuccess: reportReachable }),
    defaultOptions: { queries: { staleTime: 5_000, retry: 1 } },
  });
}

function makeTrpcClient() {
  const headers = () => {
    const userId = userIdFromCookie();
    return userId ? { "x-user-id": userId } : {};
  };
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        // EventSource cannot send headers; the browser sends the identity cookie, which the server also reads.
        true: httpSubscriptionLink({ url: "/api/trpc", transformer: superjson }),
        false: httpBatchLink({ url: "/api/trpc", transformer: superjson, headers, maxItems: DEFAULT_MAX_BATCH }),
      }),
    ],
  });
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(makeTrpcClient);
  // When the server is back, refresh everything on screen: fresh data replaces the errors of the outage.
  useEffect(() => onRecovery(() => void queryClient.invalidateQueries()), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
