import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliProcess } from "../cli/cli-process";
import {
  cliCase,
  loadCases,
  materialise,
  rawRequest,
  routeCase,
  trpcCase,
  type RawResponse,
  type RouteCase,
  type TrpcCase,
} from "../../support/bad-input";
import { startTestServer, type TestServer } from "../../support/test-server";
import { nodeClient } from "../../support/trpc-client";

/**
 * The bad-input corpus against the built server (docs/security.md, "Input"): every case gets its expected code,
 * leaves the database and everything outside the skills root as it was, and the server keeps answering.
 */
const TRPC_CASES = ["trpc-skills.json", "trpc-jobs.json", "trpc-other.json"].flatMap((f) => loadCases(f, trpcCase));
const ROUTE_CASES = loadCases("routes.json", routeCase);
const CLI_CASES = loadCases("cli.json", cliCase);
const ESCAPE_MARKER = "sf-corpus-escape";
const TASK = "Create a skill for reviewing PostgreSQL migrations for locking problems before deploying them";
/** How long the fixture jobs may take to reach a state on a loaded machine: generous, not a measurement. */
const FIXTURE_WAIT_MS = 90_000;

let server: TestServer;
const names: Record<string, string> = { UNKNOWN_JOB: "00000000-0000-4000-8000-000000000000" };
const alice = () => nodeClient(server.url, "alice");

async function waitFor<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + FIXTURE_WAIT_MS;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** One of alice's jobs stopped at its plan confirmation: [jobId, checkpointId]. */
async function waitingJob(): Promise<[string, string]> {
  const { jobId } = await alice().skills.create.mutate({ task: TASK, options: { confirmPlan: true } });
  const job = await waitFor(
    "the confirm checkpoint",
    () => alice().jobs.get.query({ jobId }),
    (j) => j.pendingCheckpoint?.type === "confirm" || j.status === "failed",
  );
  if (!job.pendingCheckpoint) throw new Error(`job ${jobId} did not stop at its plan: ${job.status} ${job.error}`);
  return [jobId, job.pendingCheckpoint.id];
}

/** A job whose checkpoint expired: made on a first server whose checkpoints last about two seconds. */
async function expiredFixture(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "skill-fleet-corpus-"));
  server = await startTestServer(
    { SKILL_FLEET_CHECKPOINT_TIMEOUT_HOURS: "0.0005", SKILL_FLEET_LEASE_MS: "1000" },
    { dataDir, keepData: true },
  );
  try {
    [names.EXPIRED_JOB, names.EXPIRED_CHECKPOINT] = await waitingJob();
    const jobId = names.EXPIRED_JOB ?? "";
    await waitFor(
      "the expiry",
      () => alice().jobs.get.query({ jobId }),
      (j) => j.status === "failed",
    );
  } finally {
    await server.stop();
  }
  return dataDir;
}

async function fixtures(): Promise<void> {
  const dataDir = await expiredFixture();
  server = await startTestServer({}, { dataDir });
  [names.DONE_JOB, names.DONE_CHECKPOINT] = await waitingJob();
  const done = { jobId: names.DONE_JOB ?? "", checkpointId: names.DONE_CHECKPOINT ?? "" };
  await alice().hitl.answer.mutate({ ...done, response: { action: "proceed" } });
  // The offline engine ends with a scaffold left for review (pending_review): finished either way.
  await waitFor(
    "the end",
    () => alice().jobs.get.query({ jobId: done.jobId }),
    (j) => ["completed", "pending_review"].includes(j.status),
  );
  [names.CANCELLED_JOB, names.CANCELLED_CHECKPOINT] = await waitingJob();
  await alice().jobs.cancel.mutate({ jobId: names.CANCELLED_JOB ?? "" });
  [names.WAITING_JOB, names.WAITING_CHECKPOINT] = await waitingJob();
  await alice().library.tree.query(); // the library seeds itself on first use: not part of any case
}

/** What the API shows of the database: every job of the corpus's callers, and the fixture jobs in full. */
async function databaseView(): Promise<string> {
  const lists = await Promise.all(
    ["default", "alice", "mallory"].map((user) => nodeClient(server.url, user).jobs.list.query({ limit: 100 })),
  );
  const jobs = ["DONE_JOB", "WAITING_JOB", "CANCELLED_JOB", "EXPIRED_JOB"].map((key) => names[key] ?? "");
  const timelines = await Promise.all(jobs.map((jobId) => alice().jobs.timeline.query({ jobId })));
  return JSON.stringify({ lists, timelines });
}

function treeOf(dir: string, skip: Set<string>): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !skip.has(entry.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? [full, ...treeOf(full, new Set())] : [full];
    });
}

/** The server's folder except its database and its skills root, and every place an escape could land. */
function filesystemView(): string {
  const escapes = [server.dataDir, path.dirname(server.dataDir), os.tmpdir(), process.cwd(), "/"]
    .map((base) => path.join(base, ESCAPE_MARKER))
    .filter((target) => fs.existsSync(target));
  return JSON.stringify({ outside: treeOf(server.dataDir, new Set(["pglite", "skills"])), escapes });
}

async function expectUnchanged(run: () => Promise<void>): Promise<void> {
  const [dbBefore, fsBefore] = [await databaseView(), filesystemView()];
  await run();
  const info = await rawRequest(server.url, { method: "GET", path: "/api/trpc/system.info" });
  expect(info.status, "the server still answers").toBe(200);
  expect(filesystemView(), "nothing written outside the skills root").toBe(fsBefore);
  expect(await databaseView(), "the database is unchanged").toBe(dbBefore);
}

function trpcRequest(c: TrpcCase): { path: string; body?: Buffer } {
  const input = materialise(c.input, names);
  const envelope = (value: unknown) => (value === undefined ? undefined : { json: value });
  const calls = c.batch ?? 1;
  const procedures = Array(calls).fill(c.procedure).join(",");
  const batched = (value: unknown) =>
    c.batch ? Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, envelope(value)])) : envelope(value);
  const base = `/api/trpc/${procedures}${c.batch ? "?batch=1" : ""}`;
  const join = base.includes("?") ? "&" : "?";
  if (c.type !== "mutation") {
    if (c.rawQuery) return { path: `${base}${join}${c.rawQuery}` };
    const query = c.rawInput ?? (input === undefined ? undefined : JSON.stringify(batched(input)));
    return { path: query === undefined ? base : `${base}${join}input=${encodeURIComponent(query)}` };
  }
  if (c.rawBodyBase64) return { path: base, body: Buffer.from(c.rawBodyBase64, "base64") };
  const raw = materialise(c.rawBody, names);
  return { path: base, body: Buffer.from(typeof raw === "string" ? raw : JSON.stringify(batched(input) ?? {})) };
}

interface TrpcErrorBody {
  message: string;
  data: { code: string };
}

function trpcErrors(response: RawResponse, subscription: boolean): TrpcErrorBody[] {
  if (subscription) {
    const data = /event: serialized-error\ndata: (.*)\n/.exec(response.body)?.[1];
    return data ? [(JSON.parse(data) as { json: TrpcErrorBody }).json] : [];
  }
  const body = JSON.parse(response.body) as unknown;
  const items = Array.isArray(body) ? body : [body];
  return items.map((item: { error?: { json: TrpcErrorBody } }) => item.error?.json).filter((e) => e !== undefined);
}

function checkTrpcBody(c: TrpcCase, response: RawResponse): void {
  const { expect: want } = c;
  if (want.json === "plain") return void expect(JSON.parse(response.body)).toMatchObject({ error: expect.any(String) });
  if (want.code) {
    const errors = trpcErrors(response, c.type === "subscription");
    expect(errors.length, response.body.slice(0, 300)).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.data.code).toBe(want.code);
      if (want.message) expect(error.message).toMatch(new RegExp(String(materialise(want.message, names))));
    }
    return;
  }
  const result = (JSON.parse(response.body) as { result: { data: { json: { passed?: boolean; items?: unknown[] } } } })
    .result.data.json;
  if (want.report) expect(result.passed).toBe(false);
  if (want.items !== undefined) expect(result.items).toHaveLength(want.items);
}

async function runTrpcCase(c: TrpcCase): Promise<RawResponse> {
  const request = trpcRequest(c);
  const headers: Record<string, string> = {
    ...(c.type === "mutation" ? { "content-type": "application/json" } : {}),
    ...(c.as ? { "x-user-id": c.as } : {}),
    ...(c.type === "subscription" ? { accept: "text/event-stream" } : {}),
    ...c.headers,
  };
  const until = c.type === "subscription" ? /event: serialized-error\ndata: .*\n|event: message\n/ : undefined;
  return rawRequest(server.url, { method: c.type === "mutation" ? "POST" : "GET", headers, until, ...request });
}

async function runRouteCase(c: RouteCase): Promise<RawResponse> {
  const headers = Object.fromEntries(
    Object.entries(c.headers ?? {}).map(([k, v]) => [k, String(materialise(v, names))]),
  );
  const requestPath = String(materialise(c.path, names));
  return rawRequest(server.url, {
    method: c.method,
    path: requestPath,
    headers,
    body: c.body ? Buffer.from(c.body) : undefined,
  });
}

function expectNoServerPaths(response: RawResponse): void {
  expect(response.body).not.toContain(server.dataDir);
  expect(response.status, "never a 500").toBeLessThan(500);
}

beforeAll(fixtures, 6 * FIXTURE_WAIT_MS);
afterAll(async () => server?.stop());

describe("the bad-input corpus", () => {
  it("has at least 80 cases and covers every procedure", () => {
    expect(TRPC_CASES.length + ROUTE_CASES.length + CLI_CASES.length).toBeGreaterThanOrEqual(80);
    const covered = new Set(TRPC_CASES.map((c) => c.procedure));
    const procedures = [
      ...["system.info", "account.me", "account.tokens", "account.createToken", "account.revokeToken"],
      ...["skills.create", "skills.validate", "library.tree", "library.search", "library.get", "library.xml"],
      ...["jobs.get", "jobs.list", "jobs.events", "jobs.timeline", "jobs.cancel", "hitl.answer"],
      ...["drafts.get", "drafts.promote", "evals.start", "evals.get", "evals.latest", "evals.feedback"],
      "evals.decideDescription",
    ];
    expect(procedures.filter((p) => !covered.has(p))).toEqual([]);
  });

  it("pages and API answers carry the browser protections; no response names a server path", async () => {
    const page = await fetch(`${server.url}/jobs`);
    const policy = page.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(await page.text()).toContain(`nonce="${nonce}"`);
    for (const response of [page, await fetch(`${server.url}/api/trpc/system.info`)]) {
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
    const xml = await alice().library.xml.query();
    expect(xml.xml).toMatch(/<location>testing\/flaky-test-triage\/SKILL\.md<\/location>/);
    expect(xml.xml).not.toContain(server.dataDir);
    const job = await alice().jobs.get.query({ jobId: names.DONE_JOB ?? "" });
    expect(job.draft?.skillPath).toMatch(/^[a-z0-9-]+(\/[a-z0-9-]+)+$/);
    expect(JSON.stringify(job)).not.toContain(server.dataDir);
    expect(JSON.stringify(await alice().drafts.get.query({ jobId: names.DONE_JOB ?? "" }))).not.toContain(
      server.dataDir,
    );
    expect(JSON.stringify(await alice().system.info.query())).not.toContain(server.dataDir);
  });

  it.each(TRPC_CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    await expectUnchanged(async () => {
      const response = await runTrpcCase(c);
      expect(response.status, response.body.slice(0, 300)).toBe(c.expect.status);
      expectNoServerPaths(response);
      checkTrpcBody(c, response);
    });
  });

  it.each(ROUTE_CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    await expectUnchanged(async () => {
      const response = await runRouteCase(c);
      expect(response.status, response.body.slice(0, 300)).toBe(c.expect.status);
      expectNoServerPaths(response);
      if (c.expect.json !== false) {
        expect(response.contentType).toMatch(/application\/json/);
        expect(JSON.parse(response.body)).toMatchObject({ error: expect.any(String) });
      }
    });
  });

  it.each(CLI_CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    await expectUnchanged(async () => {
      const args = c.args.map((arg) => String(materialise(arg, names)));
      const result = await new CliProcess(args, { SKILL_FLEET_URL: server.url, SKILL_FLEET_USER: "" }).exited;
      expect(result.code, result.stderr).toBe(c.expect.exit);
      expect(result.stderr).toMatch(new RegExp(String(materialise(c.expect.stderr, names))));
      expect(result.stderr + result.stdout).not.toContain(server.dataDir);
    });
  });
});
