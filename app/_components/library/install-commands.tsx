import Link from "next/link";
import { AGENT_IDS, AGENTS, installCommand } from "@/contracts/agents";
import { CopyButton } from "../copy-button";

/** One install command per agent for a library skill, each with a copy button (docs/distribution.md). */
export function InstallCommands({ path }: { path: string }) {
  return (
    <details data-testid="install-commands">
      <summary>Install into an agent</summary>
      <p className="hint">
        Run in your project folder (add <code>--scope user</code> for every project, <code>--url</code> for a server
        other than 127.0.0.1:3000). Agents can also reach the library over <Link href="/mcp">MCP</Link>.
      </p>
      <ul className="stack" style={{ listStyle: "none", paddingLeft: 0 }}>
        {AGENT_IDS.map((agent) => (
          <li key={agent} className="row" data-agent={agent}>
            <span style={{ minWidth: "11rem" }}>{AGENTS[agent].label}</span>
            <code>{installCommand(path, agent)}</code>
            <CopyButton
              text={installCommand(path, agent)}
              label={`Copy the install command for ${AGENTS[agent].label}`}
            />
          </li>
        ))}
      </ul>
    </details>
  );
}
