import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../support/test-server";
import { nodeClient } from "../../support/trpc-client";

/**
 * The operations endpoints against the built server (docs/operations.md): liveness, readiness, and the Prometheus
 * metrics after a job ran; in shared mode the metrics need a caller or SKILL_FLEET_METRICS_TOKEN.
 */
const TASK = "Create a skill for reviewing PostgreSQL migrations for locking problems before deploying them";
const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const METRICS_TOKEN = "a-metrics-token-of-at-least-thirty-two-characters";

async function get(server: TestServer, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, { headers, redirect: "manual" });
  return { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() };
}

async function finishedJob(server: TestServer): Promise<string> {
  const client = nodeClient(server.url, "alice");
  const { jobId } = await client.skills.create.mutate({ task: TASK });
  const deadline = Date.now() + 90_000;
  for (;;) {
    const job = await client.jobs.get.query({ jobId });
    if (["completed", "pending_review", "failed"].includes(job.status)) return job.status;
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not finish: ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("a local server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 900_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("is alive and ready", async () => {
    const health = await get(server, "/api/health");
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toMatchObject({ status: "ok" });
    const ready = await get(server, "/api/ready");
    expect(ready.status, ready.text).toBe(200);
    const body = JSON.parse(ready.text) as { status: string; checks: { name: string; ok: boolean }[] };
    expect(body.status).toBe("ready");
    expect(body.checks.map((c) => c.name)).toEqual(["database", "migrations", "runner"]);
  });

  it("serves the metrics of a job that ran: jobs, runs, steps, model steps, requests by procedure", async () => {
    const status = await finishedJob(server);
    const metrics = await get(server, "/metrics");
    expect(metrics.status).toBe(200);
    expect(metrics.type).toContain("text/plain");
    for (const line of [
      `skill_fleet_jobs{workflow="skill",status="${status}"} 1`,
      'skill_fleet_jobs_waiting{workflow="skill"} 0',
      'skill_fleet_job_run_duration_seconds_count{workflow="skill",outcome="completed"} 1',
      'skill_fleet_step_duration_seconds_count{workflow="skill",step="understanding/requirements",status="completed"} 1',
      'skill_fleet_model_step_duration_seconds_count{model="offline",step="gatherRequirements",source="offline"} 1',
      'skill_fleet_trpc_request_duration_seconds_count{procedure="skills.create",type="mutation",code="OK"} 1',
      "skill_fleet_runner_slots 4",
      "skill_fleet_event_subscribers 0",
      "# TYPE skill_fleet_event_fanout_seconds histogram",
      "# TYPE skill_fleet_process_resident_memory_bytes gauge",
    ])
      expect(metrics.text).toContain(line);
  });
});

describe("a shared server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      SKILL_FLEET_AUTH: "true",
      SKILL_FLEET_AUTH_SECRET: SECRET,
      SKILL_FLEET_METRICS_TOKEN: METRICS_TOKEN,
    });
  }, 900_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("answers health and readiness to anyone, and refuses metrics without credentials", async () => {
    expect((await get(server, "/api/health")).status).toBe(200);
    expect((await get(server, "/api/ready")).status).toBe(200);
    const refused = await get(server, "/metrics");
    expect(refused.status).toBe(401);
    expect(refused.text).not.toContain("skill_fleet_");
    expect((await get(server, "/metrics", { authorization: "Bearer not-the-token" })).status).toBe(401);
    expect((await get(server, "/metrics", { "x-user-id": "default" })).status).toBe(401);
  });

  it("serves metrics for SKILL_FLEET_METRICS_TOKEN and for a user's personal API token", async () => {
    const scraped = await get(server, "/metrics", { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(scraped.status).toBe(200);
    expect(scraped.text).toContain("# TYPE skill_fleet_jobs gauge");
    const token = await personalToken(server);
    expect((await get(server, "/metrics", { authorization: `Bearer ${token}` })).status).toBe(200);
  });
});

async function personalToken(server: TestServer): Promise<string> {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url, ...headers },
      body: JSON.stringify(body),
    });
  const user = { username: "ops", name: "ops", email: "ops@example.test", password: "ops-password-1" };
  const signedUp = await post("/api/auth/sign-up/email", user);
  const cookie = signedUp.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const created = await post("/api/trpc/account.createToken", { json: { name: "prometheus" } }, { cookie });
  const body = (await created.json()) as { result: { data: { json: { token: string } } } };
  return body.result.data.json.token;
}
