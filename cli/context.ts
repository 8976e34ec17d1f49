import type { SkillFleetClient } from "./client";
import type { Terminal } from "./terminal";

/** What every command gets: the client for the chosen server and user, the terminal, and the URL for messages. */
export interface CommandContext {
  client: SkillFleetClient;
  term: Terminal;
  url: string;
}
