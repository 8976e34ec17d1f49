// The sse bench's baseline: a bare node:http SSE broadcaster in its own process. POST /play with a schedule of
// [{ offsetMs, bytes }] sends every connected client a frame of that size at that time, stamped with its send time.
import http from "node:http";

const clients = new Set();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function play(schedule) {
  const started = Date.now();
  for (const { offsetMs, bytes } of schedule) {
    const wait = started + offsetMs - Date.now();
    if (wait > 0) await sleep(wait);
    const stamp = `{"t":${Date.now()},"pad":"`;
    const frame = `data: ${stamp}${"x".repeat(Math.max(0, bytes - stamp.length - 2))}"}\n\n`;
    for (const res of clients) res.write(frame);
  }
}

const server = http.createServer((req, res) => {
  if (req.method === "POST") {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => void play(JSON.parse(body)).then(() => res.end("played")));
    return;
  }
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  res.write(": connected\n\n");
  clients.add(res);
  res.on("close", () => clients.delete(res));
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
