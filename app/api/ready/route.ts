import { env } from "@/server/common/env";
import { getPrisma } from "@/server/db/client";
import { readMigrations } from "@/server/db/migrate";
import { getAppServices } from "@/server/services";
import { readiness } from "@/server/system/readiness";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Readiness (docs/operations.md): 200 when every check passes, else 503 naming the checks that failed. */
export async function GET(): Promise<Response> {
  const result = await readiness({
    prisma: getPrisma,
    knownMigrations: async () => (await readMigrations()).map((m) => m.name),
    runner: async () => (env().SKILL_FLEET_RUN_JOBS ? (await getAppServices()).jobSystem.runner.health() : null),
  });
  const failed = result.checks.filter((c) => !c.ok).map((c) => c.name);
  return Response.json(
    { status: result.ready ? "ready" : "not ready", failed, checks: result.checks },
    { status: result.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
