import { timingSafeEqual, createHash } from "node:crypto";
import type { Access } from "../auth/access";
import type { PrismaClient } from "../db/client";
import { setJobCounts } from "../observability/job-metrics";
import { metrics } from "../observability/metrics";
import { jobCounts } from "./repositories/job-counts";

/**
 * `GET /metrics` (docs/operations.md): who may read it, and the text Prometheus reads. The database-backed gauges
 * are computed here, from one aggregate query per scrape; everything else was recorded as it happened.
 */
export const METRICS_CONTENT_TYPE = metrics().registry.contentType;

function bearerOf(headers: Headers): string | null {
  return /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "")?.[1] ?? null;
}

/** Compares digests, so neither the length nor the first differing byte of the secret shows in the timing. */
function sameSecret(presented: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * Local mode: open, like the rest of the API. Shared mode: the configured SKILL_FLEET_METRICS_TOKEN as a bearer
 * token (for Prometheus, which has no account), or any caller the API accepts (a personal API token or a signed-in
 * session): the figures are aggregates over all users, no one's content.
 */
export async function metricsAllowed(headers: Headers, access: Access, metricsToken?: string): Promise<boolean> {
  if (access.mode === "local") return true;
  const presented = bearerOf(headers);
  if (metricsToken && presented && sameSecret(presented, metricsToken)) return true;
  return (await access.caller(headers)) !== null;
}

export async function scrapeMetrics(prisma: PrismaClient): Promise<string> {
  setJobCounts(await jobCounts(prisma));
  return metrics().registry.metrics();
}
