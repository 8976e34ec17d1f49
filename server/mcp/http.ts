import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { requiredCaller } from "../auth/access";
import type { AppServices } from "../services";
import { libraryMcpServer } from "./library-server";

/**
 * `/api/mcp`: the MCP server over streamable HTTP, stateless. Every request names its caller the way a tRPC
 * request does (`services.access`: `x-user-id` in local mode, a session or an API token in shared mode), gets a
 * server and a transport of its own, and answers with JSON, so any server of a cluster can answer any request
 * and no session outlives its request. An unauthenticated request is refused before MCP reads anything.
 */
export async function mcpResponse(request: Request, services: AppServices, publicUrl: string): Promise<Response> {
  const userId = requiredCaller(await services.access.caller(request.headers));
  const server = libraryMcpServer(services, { userId, publicUrl });
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request);
  } finally {
    // The JSON answer is complete once handleRequest returns: nothing of this request is kept.
    void server.close();
  }
}
