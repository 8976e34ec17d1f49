import { createSkillFleetClient } from "../../cli/client";

/** A Node tRPC client of the running server, as the browser's (the CLI's client: SSE through `eventsource` v4). */
export function nodeClient(url: string, userId?: string) {
  return createSkillFleetClient(url, { userId });
}
