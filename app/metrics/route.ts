import { env } from "@/server/common/env";
import { getPrisma } from "@/server/db/client";
import { getAppServices } from "@/server/services";
import { METRICS_CONTENT_TYPE, metricsAllowed, scrapeMetrics } from "@/server/system/metrics-scrape";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Prometheus metrics (docs/operations.md); in shared mode only for a caller or SKILL_FLEET_METRICS_TOKEN. */
export async function GET(req: Request): Promise<Response> {
  const { access } = await getAppServices();
  if (!(await metricsAllowed(req.headers, access, env().SKILL_FLEET_METRICS_TOKEN)))
    return Response.json(
      { error: "Metrics need a personal API token or SKILL_FLEET_METRICS_TOKEN as Authorization: Bearer." },
      { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } },
    );
  return new Response(await scrapeMetrics(await getPrisma()), {
    headers: { "Content-Type": METRICS_CONTENT_TYPE, "Cache-Control": "no-store" },
  });
}
