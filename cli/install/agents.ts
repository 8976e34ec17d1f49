import path from "node:path";
import { AGENT_IDS, AGENTS, type AgentId } from "../../contracts/agents";
import { InstallError } from "./errors";

/** Agents, their folders and the scopes of an install (the table itself is in contracts/agents.ts). */
export { AGENT_IDS, AGENTS, type AgentId } from "../../contracts/agents";
export type Scope = "project" | "user";

export function parseAgent(value: string): AgentId {
  const agent = AGENT_IDS.find((id) => id === value);
  if (!agent)
    throw new InstallError("UNKNOWN_AGENT", `unknown agent ${JSON.stringify(value)}; one of ${AGENT_IDS.join(", ")}`);
  return agent;
}

export function parseScope(value: string): Scope {
  if (value !== "project" && value !== "user")
    throw new InstallError("BAD_SCOPE", `unknown scope ${JSON.stringify(value)}; project or user`);
  return value;
}

/** The folders an install works in: the project root and the home folder (tests point both at temporary ones). */
export interface Places {
  project: string;
  home: string;
}

/** The folder the scope's lock file and installs hang from. */
export const scopeRoot = (scope: Scope, places: Places): string => (scope === "project" ? places.project : places.home);

export function skillsFolder(agent: AgentId, scope: Scope, places: Places): string {
  return path.join(scopeRoot(scope, places), ...AGENTS[agent][scope].split("/"));
}
