import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { identityHeaders } from "../client";
import type { CommandContext } from "../context";

/**
 * `skill-fleet mcp`: the server's MCP endpoint (`/api/mcp`) on stdin/stdout, for agents that start MCP servers as
 * processes. It relays JSON-RPC messages both ways unchanged, adding the CLI's identity (`--user`, `--token`) to
 * each HTTP request, so the server decides identity and ownership exactly as for any other client
 * (docs/distribution.md). It runs until stdin closes or the server cannot be reached.
 */
function relay(from: Transport, to: Transport, onFailure: (error: Error) => void): void {
  from.onmessage = (message) => {
    to.send(message).catch(onFailure);
  };
}

export async function mcpCommand(ctx: CommandContext): Promise<number> {
  const http = new StreamableHTTPClientTransport(new URL(`${ctx.url}/api/mcp`), {
    requestInit: { headers: identityHeaders(ctx.identity) },
  });
  const stdio = new StdioServerTransport();
  const done = new Promise<number>((resolve) => {
    const fail = (error: Error) => {
      ctx.term.error(`error: ${error.message}`);
      resolve(1);
    };
    relay(stdio, http, fail);
    relay(http, stdio, fail);
    stdio.onclose = () => resolve(0);
    http.onerror = fail;
  });
  await http.start();
  await stdio.start();
  const code = await done;
  await Promise.allSettled([http.close(), stdio.close()]);
  return code;
}
