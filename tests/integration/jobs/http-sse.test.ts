import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeClient } from "../../support/trpc-client";
import { startTestServer, type TestServer } from "../../support/test-server";
import { sleep, waitFor } from "../../support/jobs";

/**
 * Black box: the built app under `next start`, a Node tRPC client over real HTTP and SSE (eventsource v4), the
 * demo workflow (SKILL_FLEET_WORKFLOW=demo) so the job's events are deterministic.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ SKILL_FLEET_WORKFLOW: "demo" });
}, 600_000);
afterAll(async () => {
  await server?.stop();
});

interface Received {
  seqs: number[];
  types: string[];
  tokens: number;
  lastId: string | undefined;
}

/** Subscribes to jobs.events and records what arrives; resolves `ended` when the server ends the stream. */
function subscribe(
  client: ReturnType<typeof nodeClient>,
  jobId: string,
  lastEventId: string | undefined,
  into: Received,
) {
  let settle!: (value: "completed" | Error) => void;
  const ended = new Promise<"completed" | Error>((resolve) => (settle = resolve));
  const subscription = client.jobs.events.subscribe(
    { jobId, lastEventId },
    {
      onData(item) {
        if ("id" in item && "seq" in item.data) {
          into.seqs.push(item.data.seq);
          into.types.push(item.data.type);
          into.lastId = item.id;
        } else into.tokens++;
      },
      onComplete: () => settle("completed"),
      onError: (error) => settle(error instanceof Error ? error : new Error(String(error))),
    },
  );
  return { ended, stop: () => subscription.unsubscribe() };
}

describe("jobs.events over HTTP/SSE", () => {
  it("a subscriber that disconnects and resumes with lastEventId gets every event exactly once, in order", async () => {
    const client = nodeClient(server.url);
    const { jobId } = await client.skills.create.mutate({
      task: "resume over sse steps=8 delay=120",
      options: { streamTokens: true },
    });
    const received: Received = { seqs: [], types: [], tokens: 0, lastId: undefined };
    const first = subscribe(client, jobId, undefined, received);
    await waitFor(async () => received.seqs.length >= 6, 30_000, "the first events");
    first.stop(); // disconnect mid-job
    const seenBeforeDisconnect = received.seqs.length;
    await sleep(600); // the job keeps emitting while nobody listens
    const second = subscribe(client, jobId, received.lastId, received);
    expect(await second.ended).toBe("completed");

    const timeline = await client.jobs.timeline.query({ jobId });
    const stored = timeline.events.map((e) => e.seq);
    expect(received.seqs).toEqual(stored); // all of them, once each, in order
    expect(stored).toEqual(stored.map((_, i) => i + 1));
    expect(received.seqs.length).toBeGreaterThan(seenBeforeDisconnect);
    expect(received.types.at(-1)).toBe("completed");
    expect(received.tokens).toBeGreaterThan(0); // live tokens arrive untracked and did not disturb the resume
  }, 120_000);

  it("replays a finished job's whole log to a late subscriber and ends the stream", async () => {
    const client = nodeClient(server.url, "ivy");
    const { jobId } = await client.skills.create.mutate({ task: "a quick finished job steps=2" });
    await waitFor(async () => (await client.jobs.get.query({ jobId })).status === "completed", 30_000, "completion");
    const received: Received = { seqs: [], types: [], tokens: 0, lastId: undefined };
    expect(await subscribe(client, jobId, undefined, received).ended).toBe("completed");
    expect(received.seqs).toEqual(received.seqs.map((_, i) => i + 1));
    expect(received.types.at(-1)).toBe("completed");
    const stranger = nodeClient(server.url, "jack");
    await expect(stranger.jobs.get.query({ jobId })).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  }, 60_000);

  it("waits at a checkpoint over HTTP, accepts the first answer, treats a repeat as duplicate and finishes", async () => {
    const client = nodeClient(server.url);
    const { jobId } = await client.skills.create.mutate({
      task: "a job that asks first ask=yes steps=2",
      options: { confirmPlan: true },
    });
    const waiting = await waitFor(
      async () => {
        const job = await client.jobs.get.query({ jobId });
        return job.pendingCheckpoint ? job : undefined;
      },
      30_000,
      "the checkpoint",
    );
    expect(waiting.status).toBe("pending_hitl");
    const checkpointId = waiting.pendingCheckpoint?.id ?? "";
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        client.hitl.answer.mutate({ jobId, checkpointId, response: { action: "proceed" } }),
      ),
    );
    expect(answers.filter((a) => a.status === "accepted")).toHaveLength(1);
    expect(answers.filter((a) => a.status === "duplicate")).toHaveLength(9);
    await waitFor(async () => (await client.jobs.get.query({ jobId })).status === "completed", 30_000, "completion");
  }, 60_000);
});
