export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Liveness (docs/operations.md): the process answers. Nothing else is asked, so a slow database never kills it. */
export function GET(): Response {
  return Response.json(
    { status: "ok", uptimeSeconds: Math.round(process.uptime()) },
    { headers: { "Cache-Control": "no-store" } },
  );
}
