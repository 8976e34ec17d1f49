import { env } from "@/server/common/env";
import { mcpResponse } from "@/server/mcp/http";
import { getAppServices } from "@/server/services";
import { errorResponse } from "@/server/skills/archive-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Where the job pages a tool links to are: SKILL_FLEET_PUBLIC_URL, else the host the client asked for (Next.js
 * gives the handler its own name for the server in `req.url`, not the one the client used).
 */
function publicUrlOf(req: Request): string {
  const configured = env().SKILL_FLEET_PUBLIC_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const url = new URL(req.url);
  return `${url.protocol}//${req.headers.get("host") ?? url.host}`;
}

/** The library's MCP server over streamable HTTP (docs/distribution.md); `skill-fleet mcp` bridges stdio to it. */
async function handler(req: Request): Promise<Response> {
  try {
    return await mcpResponse(req, await getAppServices(), publicUrlOf(req));
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * Stateless: no session to delete and no stream to open on GET (a server-sent stream would end with the request
 * and the client would reconnect for nothing), so only POST is served, as the MCP transport allows.
 */
function postOnly(): Response {
  return Response.json({ error: "Send MCP messages with POST" }, { status: 405, headers: { allow: "POST" } });
}

export { handler as POST, postOnly as GET, postOnly as DELETE };
