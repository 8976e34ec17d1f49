import http from "node:http";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../support/test-server";

/**
 * The request body limit against the built server (docs/security.md, "Limits"): a body of exactly
 * SKILL_FLEET_MAX_BODY_BYTES (16 MiB) is read and answered, a byte more gets 413 saying the limit in words, and a
 * body far over it gets the same 413 without the server buffering it. Before, Next's proxy cut every body at 10 MiB
 * and the app answered 400 "Unterminated string in JSON…".
 */
const MIB = 1024 * 1024;
const LIMIT = 16 * MIB;
const WORDS = "Request body too large: the limit is 16 MiB (SKILL_FLEET_MAX_BODY_BYTES).";
const SKILL =
  "---\nname: csv-summary\ndescription: Summarises CSV files. Use when asked to summarise a CSV.\n---\n\n# CSV\n";
/** A valid tRPC body for skills.validate, padded with whitespace (JSON allows it) to exactly `size` bytes. */
const HEAD = Buffer.from(JSON.stringify({ json: { content: SKILL } }));

let server: TestServer;

interface Answer {
  status: number;
  text: string;
  ms: number;
}

/** Sends `size` bytes in 1 MiB writes (never holding the body), declared with Content-Length or chunked. */
function post(path: string, size: number, declare: boolean): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (declare) headers["content-length"] = String(size);
    const req = http.request(`${server.url}${path}`, { method: "POST", headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text, ms: Math.round(performance.now() - started) }));
    });
    req.on("error", reject);
    void writeBody(req, size);
  });
}

async function writeBody(req: http.ClientRequest, size: number): Promise<void> {
  const spaces = Buffer.alloc(MIB, 0x20);
  req.write(HEAD);
  for (let left = size - HEAD.length; left > 0; left -= MIB) {
    const chunk = left >= MIB ? spaces : spaces.subarray(0, left);
    if (!req.write(chunk)) await new Promise((resolve) => req.once("drain", resolve));
  }
  req.end();
}

const validate = (size: number, declare = true) => post("/api/trpc/skills.validate", size, declare);

function peakRssMiB(): number | null {
  const status = fs.readFileSync(`/proc/${server.process.pid}/status`, { encoding: "utf8", flag: "r" });
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Math.round(Number(match[1]) / 1024) : null;
}

beforeAll(async () => {
  server = await startTestServer();
}, 900_000);

afterAll(async () => {
  await server?.stop();
});

describe("request bodies up to the limit", () => {
  it("reads a body of exactly the limit, with a length or chunked", async () => {
    for (const declare of [true, false]) {
      const answer = await validate(LIMIT, declare);
      expect(answer.status, answer.text.slice(0, 300)).toBe(200);
      const body = JSON.parse(answer.text) as { result: { data: { json: { findings: unknown[] } } } };
      expect(Array.isArray(body.result.data.json.findings)).toBe(true);
    }
  });

  it("reads a 12 MiB body (Next's proxy used to cut it at 10 MiB)", async () => {
    const answer = await validate(12 * MIB);
    expect(answer.status, answer.text.slice(0, 300)).toBe(200);
  });
});

describe("request bodies over the limit", () => {
  it("answers 413 with the limit in words one byte over, with a length or chunked", async () => {
    for (const declare of [true, false]) {
      const answer = await validate(LIMIT + 1, declare);
      expect(answer.status, answer.text.slice(0, 300)).toBe(413);
      const body = JSON.parse(answer.text) as { error: { json: { message: string; data: { code: string } } } };
      expect(body.error.json.message).toBe(WORDS);
      expect(body.error.json.data.code).toBe("PAYLOAD_TOO_LARGE");
    }
  });

  it("answers 413 quickly far over the limit (256 MiB) without buffering the body", async () => {
    const before = peakRssMiB();
    for (const declare of [true, false]) {
      const answer = await validate(256 * MIB, declare);
      expect(answer.status, answer.text.slice(0, 300)).toBe(413);
      expect(answer.text).toContain(WORDS);
      expect(answer.ms).toBeLessThan(30_000);
      console.log(`256 MiB ${declare ? "declared" : "chunked"}: 413 in ${answer.ms} ms`);
    }
    const after = peakRssMiB();
    console.log(`server peak RSS ${before} MiB before, ${after} MiB after`);
    if (before !== null && after !== null) expect(after - before).toBeLessThan(128);
  });

  it("refuses a declared length over the limit on the other routes in words (413 from the proxy)", async () => {
    const answer = await post("/api/mcp", LIMIT + 1, true);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toEqual({ error: WORDS });
  });
});
