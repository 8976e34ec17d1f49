import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { env } from "@/server/common/env";
import { getAppServices } from "@/server/services";
import { appRouter } from "@/server/trpc/root";
import { boundedRequest } from "@/server/trpc/request-edge";
import { recordUnrunCall } from "@/server/trpc/request-metrics";
import { jobEventsResponse } from "@/server/trpc/routers/jobs/events-sse";
import { createContext } from "@/server/trpc/trpc";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

async function handler(req: Request): Promise<Response> {
  const services = await getAppServices();
  const { SKILL_FLEET_MAX_BODY_BYTES: maxBodyBytes, SKILL_FLEET_MAX_BATCH: maxCalls } = env();
  const { request, shape } = await boundedRequest(req, { maxBodyBytes, maxCalls });
  // Live job events take a faster path that encodes each event once for all its subscribers (docs/performance.md).
  const events = await jobEventsResponse(request, services);
  if (events) return events;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createContext(request.headers, services, shape),
    onError: recordUnrunCall,
  });
}

export { handler as GET, handler as POST };
