import type { SkillFleetClient } from "../../../cli/client";
import { isTerminal } from "../../../contracts/job-status";
import { sleep } from "../../support/jobs";
import { timelineProblems } from "./invariants";

/** Driving many jobs of the stress suite through the API: answering their checkpoints, waiting for their end. */
export type AnswerOutcome = "accepted" | "duplicate" | "conflict" | "unsettled";

export interface SentAnswer {
  jobId: string;
  checkpointId: string;
  outcome: AnswerOutcome;
  ms: number;
}

const CONFLICT = /CONFLICT|NOT_FOUND|BAD_REQUEST/;

/** Sends one answer and records what came back: unsettled when the server died before it replied. */
export async function sendAnswer(client: SkillFleetClient, jobId: string, checkpointId: string): Promise<SentAnswer> {
  const started = performance.now();
  const done = (outcome: AnswerOutcome) => ({ jobId, checkpointId, outcome, ms: performance.now() - started });
  try {
    const reply = await client.hitl.answer.mutate({ jobId, checkpointId, response: { action: "proceed" } });
    return done(reply.status);
  } catch (error) {
    const code = (error as { data?: { code?: string } }).data?.code ?? "";
    return done(CONFLICT.test(code) ? "conflict" : "unsettled");
  }
}

/** Answers every open checkpoint among `jobIds`; resolves when the answers are sent (not when they come back). */
export async function answerOpenCheckpoints(
  client: SkillFleetClient,
  jobIds: readonly string[],
): Promise<Promise<SentAnswer>[]> {
  const jobs = await Promise.all(jobIds.map((jobId) => client.jobs.get.query({ jobId })));
  return jobs.flatMap((job) => (job.pendingCheckpoint ? [sendAnswer(client, job.id, job.pendingCheckpoint.id)] : []));
}

/** How long the suite waits, at most, for every job to end once nothing disturbs the server any more. */
export const SETTLE_TIMEOUT_MS = 10 * 60_000;

/**
 * Answers checkpoints as they open until every job is finished; fails naming the jobs still unfinished (stuck
 * running, or waiting without an open checkpoint) when SETTLE_TIMEOUT_MS passes.
 */
export async function settleAll(client: SkillFleetClient, jobIds: readonly string[]): Promise<SentAnswer[]> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  const answers: SentAnswer[] = [];
  let open = [...jobIds];
  while (open.length > 0) {
    answers.push(...(await Promise.all(await answerOpenCheckpoints(client, open))));
    const jobs = await Promise.all(open.map((jobId) => client.jobs.get.query({ jobId })));
    open = jobs.filter((job) => !isTerminal(job.status)).map((job) => job.id);
    if (open.length === 0) break;
    if (Date.now() > deadline) {
      const stuck = jobs.filter((job) => !isTerminal(job.status)).map((job) => `${job.id} ${job.status}`);
      throw new Error(`jobs still unfinished after ${SETTLE_TIMEOUT_MS} ms:\n${stuck.join("\n")}`);
    }
    await sleep(250); // a poll interval, under the deadline above
  }
  return answers;
}

/** Every broken invariant of every job's history, read through jobs.timeline. */
export async function historyProblems(client: SkillFleetClient, jobIds: readonly string[]): Promise<string[]> {
  const all = await Promise.all(
    jobIds.map(async (jobId) => {
      const [job, timeline] = await Promise.all([
        client.jobs.get.query({ jobId }),
        client.jobs.timeline.query({ jobId }),
      ]);
      return timelineProblems(jobId, timeline, isTerminal(job.status));
    }),
  );
  return all.flat();
}
