import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SkillFleetClient } from "../../cli/client";
import { nodeClient } from "../support/trpc-client";
import { waitFor } from "../support/jobs";
import { FigureTable } from "./support/figures";
import { historyProblems, sendAnswer, settleAll } from "./support/jobs";
import { SCALE } from "./support/scale";
import { StressServer } from "./support/server";
import { deliveryProblems, subscribe } from "./support/subscribers";

/**
 * Load (docs/stress.md): SCALE.creations concurrent skills.create calls while SCALE.subscribers live jobs.events
 * subscribers follow the first jobs (each must receive its job's stored events exactly once, in order), then
 * SCALE.racersPerCheckpoint racing hitl.answer calls on each of SCALE.racedCheckpoints checkpoints (exactly one
 * accepted each). The demo workflow: the figures are the engine's and the API's, not a model's.
 */
/** How much more JS heap the server may hold, after a full GC, once every job finished than before the load. */
const RETAINED_GROWTH_MB = 64;

const table = new FigureTable(`load (${SCALE.name} scale)`);
let server: StressServer;

beforeAll(async () => {
  server = await StressServer.start({ SKILL_FLEET_WORKFLOW: "demo", SKILL_FLEET_LOG_LEVEL: "warn" });
}, 15 * 60_000);
afterAll(async () => {
  table.print();
  await server?.stop();
});

/** One timed skills.create; its latency lands in `latencies`. */
async function timedCreate(client: SkillFleetClient, task: string, latencies: number[]): Promise<string> {
  const started = performance.now();
  const { jobId } = await client.skills.create.mutate({ task });
  latencies.push(performance.now() - started);
  return jobId;
}

describe("load", () => {
  it(`${SCALE.creations} concurrent creations, ${SCALE.subscribers} live subscribers: every event exactly once, in order`, async () => {
    const client = nodeClient(server.url);
    const latencies: number[] = [];
    const task = (index: number) => `stress load ${index} steps=${2 + (index % 4)} delay=20`;
    table.memory("before", server);
    const idle = await server.memoryAfterGc();
    table.add("server JS heap retained before (after a full GC)", idle.heapUsed, "MB");
    const started = performance.now();
    const first = await Promise.all(
      Array.from({ length: SCALE.subscribers }, (_, i) => timedCreate(client, task(i), latencies)),
    );
    const subscribers = first.map((jobId) => subscribe(nodeClient(server.url), jobId));
    const rest = await Promise.all(
      Array.from({ length: SCALE.creations - SCALE.subscribers }, (_, i) =>
        timedCreate(client, task(SCALE.subscribers + i), latencies),
      ),
    );
    const createdMs = performance.now() - started;
    table.memory("after the creations", server);
    const jobIds = [...first, ...rest];
    await settleAll(client, jobIds);
    const finishedMs = performance.now() - started;
    table.memory("with every job finished", server);
    const retained = await server.memoryAfterGc();
    table.retained("with every job finished", retained);

    table.add("creations per second", (jobIds.length / createdMs) * 1000, "creations/s");
    table.add("jobs finished per second", (jobIds.length / finishedMs) * 1000, "jobs/s");
    table.latencies("skills.create", latencies);
    const delivery = (await Promise.all(subscribers.map((s) => deliveryProblems(client, s)))).flat();
    expect(delivery).toEqual([]);
    expect(new Set(jobIds).size).toBe(SCALE.creations);
    // Finished jobs leave nothing behind in the server's heap beyond its bounded caches.
    expect(retained.heapUsed - idle.heapUsed).toBeLessThan(RETAINED_GROWTH_MB);
    expect(await historyProblems(client, jobIds)).toEqual([]);
    const statuses = await Promise.all(jobIds.map(async (jobId) => (await client.jobs.get.query({ jobId })).status));
    expect(statuses.filter((status) => status !== "completed")).toEqual([]);
  });

  it(`${SCALE.racersPerCheckpoint} racing answers on each of ${SCALE.racedCheckpoints} checkpoints: exactly one accepted each`, async () => {
    const client = nodeClient(server.url);
    const created = await Promise.all(
      Array.from({ length: SCALE.racedCheckpoints }, (_, i) =>
        client.skills.create.mutate({ task: `stress race ${i} steps=2 ask=yes` }),
      ),
    );
    const waiting = await Promise.all(
      created.map(({ jobId }) =>
        waitFor(async () => (await client.jobs.get.query({ jobId })).pendingCheckpoint?.id, 120_000, "a checkpoint"),
      ),
    );
    const racers = Array.from({ length: 10 }, () => nodeClient(server.url));
    const answers = await Promise.all(
      created.flatMap(({ jobId }, job) =>
        Array.from({ length: SCALE.racersPerCheckpoint }, (_, i) =>
          sendAnswer(racers[i % racers.length] ?? client, jobId, waiting[job] ?? ""),
        ),
      ),
    );
    table.latencies(
      "hitl.answer under a race",
      answers.map((a) => a.ms),
    );
    const accepted = waiting.map((id) => answers.filter((a) => a.checkpointId === id && a.outcome === "accepted"));
    expect(accepted.map((list) => list.length)).toEqual(waiting.map(() => 1));
    expect(
      answers.filter((a) => a.outcome !== "accepted" && a.outcome !== "duplicate" && a.outcome !== "conflict"),
    ).toEqual([]);
    const jobIds = created.map((job) => job.jobId);
    await settleAll(client, jobIds);
    expect(await historyProblems(client, jobIds)).toEqual([]);
  });
});
