import { env } from "@/server/common/env";
import { mcpResponse } from "@/server/mcp/http";
import { getAppServices } from "@/server/services";
import { errorResponse } from "@/server/skills/archive-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The library's MCP server over streamable HTTP (docs/distribution.md); `skill-fleet mcp` bridges stdio to it. */
async function handler(req: Request): Promise<Response> {
  try {
    const publicUrl = env().SKILL_FLEET_PUBLIC_URL ?? new URL(req.url).origin;
    return await mcpResponse(req, await getAppServices(), publicUrl.replace(/\/+$/, ""));
  } catch (error) {
    return errorResponse(error);
  }
}

export { handler as GET, handler as POST, handler as DELETE };
