import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { skillMd } from "../../support/library";
import { startTestServer, type TestServer } from "../../support/test-server";

/**
 * The library's MCP server driven by the real MCP SDK client over both transports: streamable HTTP against the
 * built app (`/api/mcp`), and stdio by spawning `skill-fleet mcp` against the same app (docs/distribution.md).
 */
const BIN = path.resolve(import.meta.dirname, "../../../bin/skill-fleet.mjs");
const TASK = "Write a skill that explains how to review a pull request for security problems.";
/** A job on the offline engine finishes in seconds; a generous bound for a shared two-core machine. */
const JOB_DEADLINE_MS = 120_000;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 900_000);
afterAll(async () => {
  await server?.stop();
});

async function httpClient(user: string): Promise<Client> {
  const client = new Client({ name: "mcp-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(`${server.url}/api/mcp`), {
    requestInit: { headers: { "x-user-id": user } },
  });
  await client.connect(transport);
  return client;
}

async function stdioClient(user: string): Promise<Client> {
  const client = new Client({ name: "mcp-test", version: "1.0.0" });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, "mcp", "--url", server.url, "--user", user],
    stderr: "pipe",
  });
  await client.connect(transport);
  return client;
}

function json(result: CallToolResult): Record<string, unknown> {
  expect(result.isError ? result.content : "ok").toBe("ok");
  const first = result.content[0];
  if (first?.type !== "text") throw new Error("expected a text result");
  return JSON.parse(first.text) as Record<string, unknown>;
}

const call = async (client: Client, name: string, args: Record<string, unknown>) =>
  (await client.callTool({ name, arguments: args })) as CallToolResult;

const jobView = z.object({
  status: z.string(),
  pendingCheckpoint: z.object({ id: z.string(), type: z.string() }).nullable(),
  draft: z.object({ skillPath: z.string() }).nullable(),
});

/** Follows a job with get_job, answering each checkpoint as --auto-approve does; returns the types answered. */
async function followAndAnswer(
  client: Client,
  jobId: string,
): Promise<{ answered: string[]; final: z.infer<typeof jobView> }> {
  const answered: string[] = [];
  const deadline = Date.now() + JOB_DEADLINE_MS;
  while (Date.now() < deadline) {
    const job = jobView.parse(json(await call(client, "get_job", { jobId })));
    if (["completed", "pending_review", "failed", "cancelled"].includes(job.status)) return { answered, final: job };
    const checkpoint = job.pendingCheckpoint;
    if (checkpoint && !answered.includes(checkpoint.id)) {
      const response = checkpoint.type === "clarify" ? { action: "answer", answers: {} } : { action: "proceed" };
      const answer = json(await call(client, "answer_checkpoint", { jobId, checkpointId: checkpoint.id, response }));
      expect(answer.status).toBe("accepted");
      answered.push(checkpoint.id, checkpoint.type);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`job ${jobId} did not finish within ${JOB_DEADLINE_MS} ms`);
}

const skillEntry = z.object({
  uri: z.string(),
  frontmatter: z.object({ name: z.string(), description: z.string() }).loose(),
  resources: z.array(z.object({ uri: z.string(), digest: z.string(), size: z.number() })),
});

describe.each([
  { transport: "streamable HTTP", connect: httpClient },
  { transport: "stdio (skill-fleet mcp)", connect: stdioClient },
])("the library's MCP server over $transport", ({ connect }) => {
  let client: Client;
  beforeAll(async () => {
    client = await connect("mcp-alice");
  });
  afterAll(async () => {
    await client?.close();
  });

  it("declares the Skills extension and lists every skill's SKILL.md as a skill:// resource", async () => {
    expect(client.getServerCapabilities()).toMatchObject({
      resources: {},
      tools: {},
      extensions: { "io.modelcontextprotocol/skills": {} },
    });
    const { resources } = await client.listResources();
    const skillMds = resources.filter((resource) => resource.uri.endsWith("/SKILL.md"));
    expect(skillMds.length).toBeGreaterThan(0);
    for (const resource of skillMds) {
      expect(resource.uri).toMatch(/^skill:\/\/[a-z0-9_/-]+\/SKILL\.md$/i);
      expect(resource.mimeType).toBe("text/markdown");
      expect(resource.description).toBeTruthy();
    }
  });

  it("reads a SKILL.md, and skills/list and skills/get give its entry with digests", async () => {
    const { resources } = await client.listResources();
    const uri = resources.find((resource) => resource.uri.endsWith("/SKILL.md"))?.uri ?? "";
    const read = await client.readResource({ uri });
    const content = read.contents[0];
    expect(content && "text" in content ? content.text : "").toMatch(/^---\nname: [a-z0-9-]+\ndescription: /);

    const listed = await client.request({ method: "skills/list" }, z.object({ skills: z.array(skillEntry) }));
    const entry = listed.skills.find((skill) => skill.uri === uri);
    expect(entry?.resources.map((file) => file.uri)).toContain(uri);
    expect(entry?.resources[0]?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const got = await client.request({ method: "skills/get", params: { uri } }, z.object({ skill: skillEntry }));
    expect(got.skill).toEqual(entry);
    await expect(client.readResource({ uri: "skill://no/such/skill/SKILL.md" })).rejects.toThrow(/not found/i);
  });

  it("search_skills and validate_skill answer like the tRPC API", async () => {
    const { resources } = await client.listResources();
    const first = resources.find((resource) => resource.uri.endsWith("/SKILL.md"));
    const found = json(await call(client, "search_skills", { q: first?.name ?? "" }));
    expect(found.items).toEqual(expect.arrayContaining([expect.objectContaining({ uri: first?.uri })]));

    const good = json(
      await call(client, "validate_skill", { content: skillMd("pr-review", "Use when reviewing a PR") }),
    );
    expect(good).toMatchObject({ passed: expect.any(Boolean), findings: expect.any(Array) });
    const broken = json(await call(client, "validate_skill", { content: "no frontmatter at all" }));
    expect(broken.passed).toBe(false);
  });

  it("create_skill starts a job; get_job and answer_checkpoint take it through its checkpoint to a draft", async () => {
    const created = json(await call(client, "create_skill", { task: TASK, options: { confirmPlan: true } }));
    const jobId = String(created.jobId);
    expect(created.url).toBe(`${server.url}/jobs/${jobId}`);
    const { answered, final } = await followAndAnswer(client, jobId);
    expect(answered).toContain("confirm");
    expect(["completed", "pending_review"]).toContain(final.status);
    expect(final.draft?.skillPath).toBeTruthy();
  });

  it("keeps ownership: another caller's job is NOT_FOUND, and bad input is a tool error", async () => {
    const created = json(await call(client, "create_skill", { task: TASK }));
    const other = await connect("mcp-bob");
    try {
      const foreign = await call(other, "get_job", { jobId: String(created.jobId) });
      expect(foreign.isError).toBe(true);
      expect(JSON.stringify(foreign.content)).toContain("NOT_FOUND");
      const unknownId = "00000000-0000-4000-8000-000000000000";
      const unknown = await call(client, "get_job", { jobId: unknownId });
      // Someone else's job answers exactly like an id that does not exist (docs/security.md).
      expect(JSON.stringify(unknown.content).replace(unknownId, "<id>")).toBe(
        JSON.stringify(foreign.content).replace(String(created.jobId), "<id>"),
      );
    } finally {
      await other.close();
    }
    const bad = await call(client, "get_job", { jobId: "not-a-uuid" });
    expect(bad.isError).toBe(true);
    expect(JSON.stringify(bad.content)).toContain("jobId must be a UUID");
  });
});
