import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getAppServices } from "@/server/services";
import { appRouter } from "@/server/trpc/root";
import { jobEventsResponse } from "@/server/trpc/routers/jobs/events-sse";
import { createContext } from "@/server/trpc/trpc";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

async function handler(req: Request): Promise<Response> {
  const services = await getAppServices();
  // Live job events take a faster path that encodes each event once for all its subscribers (docs/performance.md).
  const events = await jobEventsResponse(req, services);
  if (events) return events;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext(req.headers, services),
  });
}

export { handler as GET, handler as POST };
