import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAULT_RATE } from "../../dev/scripted/scenarios";
import { nodeClient } from "../support/trpc-client";
import { FigureTable } from "./support/figures";
import { historyProblems, settleAll } from "./support/jobs";
import { SCALE } from "./support/scale";
import { StressServer } from "./support/server";

/**
 * Model faults (docs/stress.md): the real skill workflow on the scripted model's `faulty` scenario, where 30 % of
 * the calls fail (HTTP 503, a thrown error, a hang, malformed JSON, an answer later than the call's timeout). Every
 * job must end, completed, pending_review or failed, and a failed one must say why.
 */
const table = new FigureTable(`model faults at ${Math.round(FAULT_RATE * 100)} % (${SCALE.name} scale)`);
let server: StressServer;

/** A call's timeout: a hanging or late call is cut off after this long (the default, 2 minutes, would dominate). */
const CALL_TIMEOUT_MS = "2000";
const ENDINGS = ["completed", "pending_review", "failed"];

beforeAll(async () => {
  server = await StressServer.start({
    SKILL_FLEET_MODEL: "scripted:faulty",
    SKILL_FLEET_LLM_TIMEOUT_MS: CALL_TIMEOUT_MS,
  });
}, 15 * 60_000);
afterAll(async () => {
  table.print();
  await server?.stop();
});

const task = (index: number) =>
  `Create a skill for debugging flaky Playwright tests in CI pipelines, with traces and retries (stress job ${index})`;

describe(`model faults: ${SCALE.faultJobs} skill jobs on a model failing ${FAULT_RATE * 100} % of its calls`, () => {
  it("every job ends completed, pending_review or failed, a failed one with its reason, its history intact", async () => {
    const client = nodeClient(server.url);
    table.memory("before", server);
    const started = performance.now();
    const created = await Promise.all(
      Array.from({ length: SCALE.faultJobs }, (_, i) => client.skills.create.mutate({ task: task(i) })),
    );
    const jobIds = created.map((job) => job.jobId);
    await settleAll(client, jobIds);
    const elapsed = performance.now() - started;
    const jobs = await Promise.all(jobIds.map((jobId) => client.jobs.get.query({ jobId })));
    table.memory("after", server);
    table.add("jobs finished per second", (jobIds.length / elapsed) * 1000, "jobs/s");
    for (const ending of ENDINGS) table.add(`jobs ${ending}`, jobs.filter((j) => j.status === ending).length, "");
    const durations = jobs.map((job) => (job.completedAt?.getTime() ?? 0) - job.createdAt.getTime());
    table.latencies("job duration", durations);

    expect(jobs.filter((job) => !ENDINGS.includes(job.status)).map((job) => `${job.id} ${job.status}`)).toEqual([]);
    const silent = jobs.filter((job) => (job.status === "failed" ? !job.error : !job.result));
    expect(silent.map((job) => `${job.id} ${job.status} without a reason`)).toEqual([]);
    expect(await historyProblems(client, jobIds)).toEqual([]);
  });
});
