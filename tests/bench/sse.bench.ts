import { EventSource } from "eventsource";
import { spawn } from "node:child_process";
import path from "node:path";
import { startTestServer } from "../support/test-server";
import { nodeClient } from "../support/trpc-client";
import { percentile, report, BENCH_SERVER_ENV } from "./support/figures";

/**
 * Live event latency, written → received (docs/performance.md, Live events): `jobs.events` on the built server against
 * a bare node:http SSE broadcaster, each in its own process, read by the same client (`eventsource`) in the same way.
 * The broadcaster sends the very stream the job produced: as many frames, of the same sizes, at the same moments.
 * "Written" is the event's createdAt, the moment its row was written to the database; for the broadcaster, the
 * moment it writes the frame.
 */
const COUNTS = [1, 10, 100];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Stream {
  latencies: number[];
  schedule: { offsetMs: number; bytes: number }[];
}

/** Subscribers that count as ready once connected, and as done on the stream's `return` (tRPC's end of stream). */
function subscribers(url: string, count: number, onFrame: (data: string, index: number) => void) {
  let ready = 0;
  const sources = Array.from({ length: count }, (_, index) => {
    const source = new EventSource(url);
    source.addEventListener("open", () => ready++);
    source.addEventListener("message", (event) => onFrame(event.data, index));
    return source;
  });
  const done = sources.map(
    (source) => new Promise<void>((resolve) => source.addEventListener("return", () => (source.close(), resolve()))),
  );
  return {
    done,
    ready: () => waitUntil(() => ready >= count),
    close: () => sources.forEach((source) => source.close()),
  };
}

async function waitUntil(check: () => boolean): Promise<void> {
  while (!check()) await sleep(10);
}

async function ours(serverUrl: string, count: number): Promise<Stream> {
  const client = nodeClient(serverUrl);
  const { jobId } = await client.skills.create.mutate({
    task: "latency bench ask=yes steps=20 delay=30",
    options: { confirmPlan: true },
  });
  let checkpointId = "";
  while (!checkpointId) checkpointId = (await client.jobs.get.query({ jobId })).pendingCheckpoint?.id ?? "";
  const input = encodeURIComponent(JSON.stringify({ json: { jobId } }));
  const stream: Stream = { latencies: [], schedule: [] };
  let answeredAt = Number.POSITIVE_INFINITY;
  const live = subscribers(`${serverUrl}/api/trpc/jobs.events?input=${input}`, count, (data, index) => {
    const createdAt = Date.parse((JSON.parse(data) as { json: { createdAt: string } }).json.createdAt);
    if (createdAt < answeredAt) return; // the replayed history is not live delivery
    stream.latencies.push(Date.now() - createdAt);
    if (index === 0) stream.schedule.push({ offsetMs: createdAt - answeredAt, bytes: data.length });
  });
  await live.ready();
  answeredAt = Date.now();
  await client.hitl.answer.mutate({ jobId, checkpointId, response: { action: "proceed" } });
  await Promise.all(live.done);
  return stream;
}

async function raw(count: number, schedule: Stream["schedule"]): Promise<number[]> {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, "support/raw-sse-server.mjs")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const port = await new Promise<number>((resolve) => child.stdout.once("data", (d) => resolve(Number(String(d)))));
    const latencies: number[] = [];
    const live = subscribers(`http://127.0.0.1:${port}/`, count, (data) =>
      latencies.push(Date.now() - (JSON.parse(data) as { t: number }).t),
    );
    await live.ready();
    await fetch(`http://127.0.0.1:${port}/play`, { method: "POST", body: JSON.stringify(schedule) });
    await waitUntil(() => latencies.length >= schedule.length * count);
    live.close();
    return latencies;
  } finally {
    child.kill();
  }
}

const server = await startTestServer({
  ...BENCH_SERVER_ENV,
  SKILL_FLEET_WORKFLOW: "demo",
  SKILL_FLEET_MAX_CONCURRENT_JOBS: "4",
});
try {
  for (const count of COUNTS) {
    const measured = await ours(server.url, count);
    const baseline = await raw(count, measured.schedule);
    const p = count === 1 ? 50 : 99;
    const value = percentile(measured.latencies, p);
    const base = percentile(baseline, p);
    report({
      name: `event latency written → received, ${count} subscriber${count === 1 ? "" : "s"}, p${p}`,
      value,
      unit: "ms",
      baseline: { name: "bare node:http SSE, same stream", value: base },
      ...(count === 1 ? { goal: { text: "≤ 3 ms", met: value <= 3 } } : {}),
      ...(count === 100 ? { goal: { text: "≤ 2× the baseline", met: value <= 2 * Math.max(1, base) } } : {}),
      note: `${measured.latencies.length} deliveries`,
    });
  }
} finally {
  await server.stop();
}
