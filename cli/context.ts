import type { ClientIdentity, SkillFleetClient } from "./client";
import type { Terminal } from "./terminal";

/** What every command gets: the client for the chosen server and user, the terminal, the URL and the identity. */
export interface CommandContext {
  client: SkillFleetClient;
  term: Terminal;
  url: string;
  /** Who the CLI acts as (`--user`, `--token`), for requests made outside the tRPC client. */
  identity: ClientIdentity;
}
