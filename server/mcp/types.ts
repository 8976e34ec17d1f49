/** Who an MCP session acts for, decided by the edge from the request (server/auth/access.ts), never by a tool. */
export interface McpCaller {
  userId: string;
  /** Where the app's pages are, for the job page URL a tool returns. */
  publicUrl: string;
}
