import { EventSource } from "eventsource";
import http from "node:http";
import { freePort, startTestServer } from "../support/test-server";
import { nodeClient } from "../support/trpc-client";

/**
 * Live event delivery latency (event written → received by a subscriber) to 1, 10 and 100 subscribers over
 * SSE: jobs.events on the real server vs a raw node:http SSE broadcaster in the same run (same client library,
 * same machine). A script, not a timed test.
 */
const COUNTS = [1, 10, 100];
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function ours(url: string, subscribers: number): Promise<number[]> {
  const client = nodeClient(url);
  const { jobId } = await client.skills.create.mutate({
    task: "latency bench ask=yes steps=20 delay=30",
    options: { confirmPlan: true },
  });
  let checkpointId = "";
  while (!checkpointId) {
    checkpointId = (await client.jobs.get.query({ jobId })).pendingCheckpoint?.id ?? "";
    await sleep(20);
  }
  const latencies: number[] = [];
  let ready = 0;
  let answeredAt = Infinity;
  const finished = Array.from(
    { length: subscribers },
    () =>
      new Promise<void>((resolve) => {
        let counted = false;
        client.jobs.events.subscribe(
          { jobId },
          {
            onData(item) {
              if (!("id" in item) || !("seq" in item.data)) return;
              if (!counted) {
                counted = true;
                ready++;
              }
              if (item.data.createdAt.getTime() >= answeredAt)
                latencies.push(Date.now() - item.data.createdAt.getTime());
            },
            onComplete: () => resolve(),
            onError: () => resolve(),
          },
        );
      }),
  );
  while (ready < subscribers) await sleep(20);
  answeredAt = Date.now();
  await client.hitl.answer.mutate({ jobId, checkpointId, response: { action: "proceed" } });
  await Promise.all(finished);
  return latencies;
}

async function baseline(subscribers: number, messages = 40): Promise<number[]> {
  const clients = new Set<http.ServerResponse>();
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    res.write(": connected\n\n");
    clients.add(res);
    res.on("close", () => clients.delete(res));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const latencies: number[] = [];
  const sources = Array.from({ length: subscribers }, () => {
    const source = new EventSource(`http://127.0.0.1:${port}/`);
    source.onmessage = (event) => latencies.push(Date.now() - Number(event.data));
    return source;
  });
  while (clients.size < subscribers) await sleep(20);
  for (let i = 0; i < messages; i++) {
    const frame = `data: ${Date.now()}\n\n`;
    for (const res of clients) res.write(frame);
    await sleep(30);
  }
  await sleep(200);
  for (const source of sources) source.close();
  for (const res of clients) res.end();
  await new Promise((resolve) => server.close(resolve));
  return latencies;
}

const server = await startTestServer({ SKILL_FLEET_WORKFLOW: "demo", SKILL_FLEET_MAX_CONCURRENT_JOBS: "4" });
try {
  console.log("event delivery latency over SSE, ms (written → received), jobs.events vs raw node:http SSE:");
  for (const count of COUNTS) {
    const a = summary(await ours(server.url, count));
    const b = summary(await baseline(count));
    console.log(
      `  ${String(count).padStart(3)} subscribers: ours p50 ${a.p50} p99 ${a.p99} (n=${a.n}) | raw p50 ${b.p50} p99 ${b.p99} (n=${b.n})` +
        ` | ratio p50 ${(a.p50 / Math.max(1, b.p50)).toFixed(1)} p99 ${(a.p99 / Math.max(1, b.p99)).toFixed(1)}`,
    );
  }
} finally {
  await server.stop();
}
