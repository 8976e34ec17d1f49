import { headers } from "next/headers";
import { CopyButton } from "../_components/copy-button";

export const metadata = { title: "MCP" };

/** This server as the browser reached it (behind a proxy, the forwarded protocol). */
async function serverUrl(): Promise<string> {
  const h = await headers();
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${h.get("host") ?? "127.0.0.1:3000"}`;
}

function Snippet({ title, text, children }: { title: string; text: string; children: React.ReactNode }) {
  return (
    <section className="stack" aria-label={title}>
      <h2>{title}</h2>
      <p>{children}</p>
      <pre tabIndex={0}>
        <code>{text}</code>
      </pre>
      <div className="row">
        <CopyButton text={text} label={`Copy the ${title} setup`} />
      </div>
    </section>
  );
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** How to add the library's MCP server to the agents and editors that take one (docs/distribution.md). */
export default async function McpPage() {
  const url = await serverUrl();
  const endpoint = `${url}/api/mcp`;
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">Use the library over MCP</h1>
      <p className="muted">
        This server speaks the Model Context Protocol at <code>{endpoint}</code> (streamable HTTP). Skills are resources
        (<code>skill://&lt;path&gt;/SKILL.md</code>, the MCP Skills extension); the tools are <code>create_skill</code>,{" "}
        <code>get_job</code>, <code>answer_checkpoint</code>, <code>validate_skill</code> and <code>search_skills</code>
        . For an agent that starts MCP servers as processes, <code>skill-fleet mcp</code> serves the same endpoint over
        stdio. On a shared server, send a personal API token (Account → API tokens) as{" "}
        <code>Authorization: Bearer sft_…</code>, or pass <code>--token</code> to <code>skill-fleet mcp</code>.
      </p>
      <Snippet title="Claude Code" text={`claude mcp add --transport http skill-fleet ${endpoint}`}>
        Run once in a terminal (add <code>--scope user</code> for every project).
      </Snippet>
      <Snippet
        title="Codex"
        text={`[mcp_servers.skill-fleet]\ncommand = "npx"\nargs = ["skill-fleet", "mcp", "--url", "${url}"]`}
      >
        Add to <code>~/.codex/config.toml</code>.
      </Snippet>
      <Snippet title="VS Code" text={json({ servers: { "skill-fleet": { type: "http", url: endpoint } } })}>
        Save as <code>.vscode/mcp.json</code> in your project.
      </Snippet>
      <Snippet title="Cursor" text={json({ mcpServers: { "skill-fleet": { url: endpoint } } })}>
        Save as <code>.cursor/mcp.json</code> in your project, or <code>~/.cursor/mcp.json</code> for every project.
      </Snippet>
    </section>
  );
}
