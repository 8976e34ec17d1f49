import { afterAll, beforeAll, expect, it } from "vitest";
import { waitFor } from "../../support/jobs";
import { startProviderStub, type ProviderStub } from "../../support/provider-stub/index";
import { referenceAnswers } from "../../support/provider-stub/step-answer";
import { startTestServer, type TestServer } from "../../support/test-server";
import { nodeClient } from "../../support/trpc-client";
import { FINISHED, startWorkflowHarness, waitForJob } from "../../support/workflow-harness";

/**
 * A server killed (SIGKILL, no shutdown) while a model call is in flight, over real HTTP to a stub provider: after
 * the restart the job repeats only the call that was in flight; every call that had finished is read back from the
 * database, never asked again (docs/models.md, Conformance).
 */
const TASK = "Create a skill for debugging flaky Playwright tests in CI pipelines, with traces and retries";
let stub: ProviderStub;
let server: TestServer | undefined;
/** How many times each step ran in the reference job: one request each on a clean run. */
const reference: Record<string, number> = {};

beforeAll(async () => {
  const h = await startWorkflowHarness();
  try {
    h.useModel("scripted:happy");
    const { jobId } = await h.client.skills.create.mutate({ task: TASK });
    await waitForJob(h.client, jobId, FINISHED, 60_000);
    const { steps } = await h.client.jobs.timeline.query({ jobId });
    for (const step of steps)
      if (step.provenance) reference[step.provenance.step] = (reference[step.provenance.step] ?? 0) + 1;
    stub = await startProviderStub({ answer: referenceAnswers(steps) });
  } finally {
    await h.close();
  }
}, 600_000);
afterAll(async () => {
  await server?.stop();
  await stub?.close();
});

const perStep = (s: ProviderStub) => {
  const counts: Record<string, number> = {};
  for (const r of s.requests) counts[r.step ?? "?"] = (counts[r.step ?? "?"] ?? 0) + 1;
  return counts;
};

it("repeats only the call in flight after a SIGKILL", async () => {
  // The content step's first request never answers: the server is killed while it waits.
  stub.setMode((call) => (call.step === "generateContent" && call.stepIndex === 0 ? "hang" : "good"));
  const env = {
    SKILL_FLEET_MODEL: "openai-compatible:stub-model",
    SKILL_FLEET_LLM_BASE_URL: `${stub.url}/v1`,
    SKILL_FLEET_LEASE_MS: "3000",
  };
  server = await startTestServer(env, { keepData: true });
  const { jobId } = await nodeClient(server.url).skills.create.mutate({ task: TASK });
  await waitFor(async () => stub.requests.some((r) => r.step === "generateContent"), 60_000, "the content call");
  const before = perStep(stub);
  const exited = new Promise((resolve) => server?.process.once("exit", resolve));
  server.process.kill("SIGKILL");
  await exited;

  server = await startTestServer(env, { port: server.port, dataDir: server.dataDir, keepData: true });
  const client = nodeClient(server.url);
  const job = await waitFor(
    async () => {
      const got = await client.jobs.get.query({ jobId });
      return FINISHED.includes(got.status) ? got : undefined;
    },
    90_000,
    "the job to finish after the restart",
  );
  expect(job.status, job.error ?? "").toBe("completed");
  // Every call that had finished before the kill was made once in all; only the content call was made again.
  expect(before.generateContent).toBe(1);
  expect(perStep(stub)).toEqual({ ...reference, generateContent: (reference.generateContent ?? 0) + 1 });
});
