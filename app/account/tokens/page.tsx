import { NewTokenForm } from "../../_components/account/new-token-form";
import { TokenList } from "../../_components/account/token-list";

export const metadata = { title: "API tokens" };

export default function TokensPage() {
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">API tokens</h1>
      <p className="muted">
        Personal tokens let the <code>skill-fleet</code> CLI and MCP clients act as you:{" "}
        <code>skill-fleet --token &lt;token&gt; …</code> or <code>SKILL_FLEET_TOKEN=&lt;token&gt;</code>. Revoke a token
        you no longer use.
      </p>
      <NewTokenForm />
      <TokenList />
    </section>
  );
}
