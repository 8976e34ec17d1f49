import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SkillFleetClient } from "../../cli/client";
import { nodeClient } from "../support/trpc-client";
import { sleep } from "../support/jobs";
import { databaseProblems } from "./support/database";
import { FigureTable } from "./support/figures";
import { answerOpenCheckpoints, historyProblems, settleAll, type SentAnswer } from "./support/jobs";
import { SCALE } from "./support/scale";
import { StressServer } from "./support/server";

/**
 * Kill and restart (docs/stress.md): the built server runs demo jobs (steps with delays, half of them asking to
 * confirm first) while it is SIGKILLed at random moments, SCALE.kills times, and restarted over the same database.
 * Half of the kills land a few milliseconds after answers were sent, so some answers die while being applied.
 * Then every job must end, and its history must show no lost or doubled answer, no re-run step, no seq gap and
 * one terminal event.
 */
const table = new FigureTable(`kill and restart (${SCALE.name} scale)`);
let server: StressServer;

/** The random moment of a kill: up to this long after the round began. */
const KILL_WINDOW_MS = 1_500;
/** The moment of a kill that should catch answers mid-apply: up to this long after they were sent. */
const ANSWER_KILL_WINDOW_MS = 30;

const task = (index: number) =>
  `stress kill ${index} steps=${3 + (index % 5)} delay=${80 + ((index * 37) % 250)} ask=${index % 2 === 0 ? "yes" : "no"}`;

async function createJobs(client: SkillFleetClient, from: number, count: number): Promise<string[]> {
  const created = await Promise.all(
    Array.from({ length: count }, (_, i) => client.skills.create.mutate({ task: task(from + i) })),
  );
  return created.map((job) => job.jobId);
}

interface Round {
  answers: Promise<SentAnswer>[];
  restartMs: number;
}

/** One round: answers what is open, kills at a random moment (maybe mid-answer), restarts, measures. */
async function round(client: SkillFleetClient, jobIds: string[], index: number): Promise<Round> {
  const midAnswer = index % 2 === 1;
  const answers = await answerOpenCheckpoints(client, jobIds);
  await sleep(Math.random() * (midAnswer ? ANSWER_KILL_WINDOW_MS : KILL_WINDOW_MS)); // the random kill point
  await server.kill();
  const started = performance.now();
  await server.restart();
  return { answers, restartMs: performance.now() - started };
}

beforeAll(async () => {
  server = await StressServer.start({ SKILL_FLEET_WORKFLOW: "demo" });
}, 15 * 60_000);
afterAll(async () => {
  table.print();
  await server?.stop();
});

describe(`kill and restart: ${SCALE.kills} SIGKILLs over ${SCALE.killJobs} jobs`, () => {
  it(
    "every job ends; no answer lost or doubled, no finished step re-run, seq without gaps, one terminal event",
    async () => {
      const client = nodeClient(server.url);
      const started = performance.now();
      table.memory("at start", server);
      const perRound = Math.max(1, Math.floor(SCALE.killJobs / 2 / SCALE.kills));
      const jobIds = await createJobs(client, 0, SCALE.killJobs - perRound * SCALE.kills);
      const rounds: Round[] = [];
      for (let index = 0; index < SCALE.kills; index++) {
        jobIds.push(...(await createJobs(client, jobIds.length, perRound)));
        rounds.push(await round(client, jobIds, index));
      }
      const sent = await Promise.all(rounds.flatMap((r) => r.answers));
      const after = await settleAll(client, jobIds);
      const elapsed = performance.now() - started;

      const problems = await historyProblems(client, jobIds);
      const statuses = await Promise.all(jobIds.map(async (jobId) => (await client.jobs.get.query({ jobId })).status));
      const accepted = [...sent, ...after].filter((answer) => answer.outcome === "accepted");
      const timelines = await Promise.all(jobIds.map((jobId) => client.jobs.timeline.query({ jobId })));
      const answeredIds = new Set(
        timelines.flatMap((t) => t.checkpoints.filter((c) => c.status === "answered").map((c) => c.id)),
      );
      const lost = accepted.filter((answer) => !answeredIds.has(answer.checkpointId));

      table.memory("at the end", server);
      table.add("kills", SCALE.kills, "");
      table.add("jobs", jobIds.length, "");
      table.add("jobs finished per second (with kills)", (jobIds.length / elapsed) * 1000, "jobs/s");
      table.add("answers cut off by a kill", sent.filter((a) => a.outcome === "unsettled").length, "");
      table.add("answers accepted", accepted.length, "");
      table.latencies(
        "restart after SIGKILL",
        rounds.map((r) => r.restartMs),
      );

      expect(problems).toEqual([]);
      expect(lost).toEqual([]);
      expect(statuses.filter((status) => status !== "completed")).toEqual([]);
      expect(answeredIds.size).toBe(jobIds.filter((_, index) => index % 2 === 0).length); // every ask=yes job
      expect(new Set(accepted.map((a) => a.checkpointId)).size).toBe(accepted.length); // one accepted per checkpoint

      await server.stop(true);
      expect(await databaseProblems(server.dataDir)).toEqual([]);
    },
    60 * 60_000,
  );
});
