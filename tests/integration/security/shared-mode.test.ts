import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobIdFrom, runCli } from "../cli/cli-process";
import { startTestServer, type TestServer } from "../../support/test-server";

/**
 * Shared mode against the built server (docs/security.md): sign-in through better-auth, personal API tokens for
 * the CLI, the `x-user-id` header ignored, ownership per signed-in user.
 */
const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const TASK = "Create a skill for reviewing PostgreSQL migrations for locking problems before deploying them";

let server: TestServer;

interface Answer {
  status: number;
  body: unknown;
  cookie: string | null;
}

async function call(method: string, route: string, init: { body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${server.url}${route}`, {
    method,
    redirect: "manual",
    headers: { "content-type": "application/json", origin: server.url, ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  const cookie =
    response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ") || null;
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null, cookie } satisfies Answer;
}

async function signUp(username: string): Promise<string> {
  const body = { username, name: username, email: `${username}@example.test`, password: `${username}-password-1` };
  const answer = await call("POST", "/api/auth/sign-up/email", { body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expect(answer.cookie).toBeTruthy();
  return answer.cookie ?? "";
}

const trpcQuery = (procedure: string, input: unknown, headers: Record<string, string> = {}) =>
  call("GET", `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers });
const trpcMutation = (procedure: string, input: unknown, headers: Record<string, string> = {}) =>
  call("POST", `/api/trpc/${procedure}`, { body: { json: input }, headers });

function result<T>(answer: Answer): T {
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return (answer.body as { result: { data: { json: T } } }).result.data.json;
}

const errorCode = (answer: Answer) =>
  (answer.body as { error?: { json: { data: { code: string } } } }).error?.json.data.code;

let aliceCookie = "";
let aliceId = "";
let aliceJob = "";

beforeAll(async () => {
  server = await startTestServer({ SKILL_FLEET_AUTH: "true", SKILL_FLEET_AUTH_SECRET: SECRET }, { keepData: true });
  aliceCookie = await signUp("alice");
  aliceId = result<{ userId: string }>(await trpcQuery("account.me", undefined, { cookie: aliceCookie })).userId;
  aliceJob = result<{ jobId: string }>(
    await trpcMutation("skills.create", { task: TASK }, { cookie: aliceCookie }),
  ).jobId;
}, 300_000);

afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe("shared mode", () => {
  it("asks for sign-in: no identity is UNAUTHORIZED, pages redirect to /sign-in", async () => {
    expect((await trpcQuery("account.me", undefined)).body).toMatchObject({
      result: { data: { json: { mode: "shared", userId: null } } },
    });
    const list = await trpcQuery("jobs.list", {});
    expect(list.status).toBe(401);
    expect(errorCode(list)).toBe("UNAUTHORIZED");
    const page = await fetch(`${server.url}/jobs`, { redirect: "manual" });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toMatch(/\/sign-in\?next=%2Fjobs$/);
    expect((await call("GET", `/api/jobs/${aliceJob}/archive`)).status).toBe(401);
  });

  it("ignores a forged x-user-id: it sees nothing of the user it names", async () => {
    for (const forged of [aliceId, "alice", "default"]) {
      const headers = { "x-user-id": forged };
      expect((await trpcQuery("jobs.list", {}, headers)).status).toBe(401);
      expect((await trpcQuery("jobs.get", { jobId: aliceJob }, headers)).status).toBe(401);
      expect((await call("GET", `/api/jobs/${aliceJob}/archive`, { headers })).status).toBe(401);
    }
    const bobCookie = await signUp("bob");
    const asBob = { cookie: bobCookie, "x-user-id": aliceId };
    expect(result<{ items: unknown[] }>(await trpcQuery("jobs.list", {}, asBob)).items).toEqual([]);
    expect(errorCode(await trpcQuery("jobs.get", { jobId: aliceJob }, asBob))).toBe("NOT_FOUND");
    const mine = result<{ items: { id: string }[] }>(await trpcQuery("jobs.list", {}, { cookie: aliceCookie }));
    expect(mine.items.map((job) => job.id)).toEqual([aliceJob]);
  });

  it("signs in with username and password, and refuses a wrong password", async () => {
    const good = await call("POST", "/api/auth/sign-in/username", {
      body: { username: "alice", password: "alice-password-1" },
    });
    expect(good.status).toBe(200);
    const me = result<{ userId: string }>(await trpcQuery("account.me", undefined, { cookie: good.cookie ?? "" }));
    expect(me.userId).toBe(aliceId);
    const bad = await call("POST", "/api/auth/sign-in/username", {
      body: { username: "alice", password: "guess-guess-1" },
    });
    expect(bad.status).toBe(401);
    expect(bad.cookie ?? "").not.toMatch(/session_token=[^;]+/);
  });

  it("applies the same identity and ownership to the MCP endpoint", async () => {
    const initialize = {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } },
    };
    const forged = await fetch(`${server.url}/api/mcp`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "x-user-id": aliceId,
      },
      body: JSON.stringify(initialize),
    });
    expect(forged.status).toBe(401);
    const mcpAs = async (cookie: string) => {
      const client = new Client({ name: "shared-mode-test", version: "1.0.0" });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(`${server.url}/api/mcp`), { requestInit: { headers: { cookie } } }),
      );
      return client;
    };
    const alice = await mcpAs(aliceCookie);
    const carol = await mcpAs(await signUp("carol"));
    try {
      const own = await alice.callTool({ name: "get_job", arguments: { jobId: aliceJob } });
      expect(own.isError ?? false).toBe(false);
      expect(JSON.stringify(own.content)).toContain(aliceJob);
      const foreign = await carol.callTool({ name: "get_job", arguments: { jobId: aliceJob } });
      expect(foreign.isError).toBe(true);
      expect(JSON.stringify(foreign.content)).toContain("NOT_FOUND");
    } finally {
      await Promise.all([alice.close(), carol.close()]);
    }
  });

  it("lets the CLI work with a personal API token, listed, stored hashed and revocable", async () => {
    const created = result<{ token: string; item: { id: string; prefix: string } }>(
      await trpcMutation("account.createToken", { name: "laptop CLI" }, { cookie: aliceCookie }),
    );
    expect(created.token).toMatch(/^sft_[A-Za-z0-9_-]{43}$/);
    const env = { SKILL_FLEET_URL: server.url, SKILL_FLEET_USER: "" };
    const listed = await runCli(["--token", created.token, "list"], env);
    expect(listed.stderr).toBe("");
    expect(listed.stdout).toContain(aliceJob);
    const made = await runCli(["create", TASK, "--auto-approve"], { ...env, SKILL_FLEET_TOKEN: created.token });
    expect(made.stderr).toBe("");
    // The offline engine's draft is a scaffold left for review: exit 2 (README, CLI exit codes).
    expect(made.code).toBe(2);
    const cliJob = jobIdFrom(made.stdout);
    const mine = result<{ items: { id: string }[] }>(await trpcQuery("jobs.list", {}, { cookie: aliceCookie }));
    expect(mine.items.map((job) => job.id)).toContain(cliJob);
    const tokens = result<{ items: { id: string; name: string; lastUsedAt: unknown }[] }>(
      await trpcQuery("account.tokens", undefined, { cookie: aliceCookie }),
    );
    expect(tokens.items).toMatchObject([{ id: created.item.id, name: "laptop CLI", lastUsedAt: expect.any(String) }]);
    result(await trpcMutation("account.revokeToken", { id: created.item.id }, { cookie: aliceCookie }));
    const refused = await runCli(["--token", created.token, "list"], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Sign in first.*\(UNAUTHORIZED\)/);
    await expectStoredHashed(created.token);
  }, 180_000);
});

/** Stops the server and reads its database: the token's SHA-256 is there, the token itself nowhere. */
async function expectStoredHashed(token: string): Promise<void> {
  await server.stop();
  const db = await PGlite.create(path.join(server.dataDir, "pglite"));
  try {
    const rows = await db.query<Record<string, unknown>>('SELECT * FROM "ApiToken"');
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]?.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows.rows)).not.toContain(token);
  } finally {
    await db.close();
  }
}
