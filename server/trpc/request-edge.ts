import type { RequestShape } from "./trpc";

/**
 * What the tRPC endpoint checks before tRPC parses a request (docs/security.md, "Limits"): the body is read up to
 * a limit and no further (a larger one is refused, whatever its Content-Length claims), and the number of calls
 * in a batch is counted from the URL.
 */
const ENDPOINT = "/api/trpc/";

async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function callsIn(url: URL): number {
  // Procedure names are ASCII: "," is the only separator that matters, encoded or not.
  const paths = url.pathname.slice(url.pathname.indexOf(ENDPOINT) + ENDPOINT.length).replace(/%2c/gi, ",");
  return url.searchParams.get("batch") === "1" ? paths.split(",").length : 1;
}

/** The request to hand tRPC (its body already read, within the limit) and what was measured. */
export async function boundedRequest(
  req: Request,
  limits: { maxBodyBytes: number; maxCalls: number },
): Promise<{ request: Request; shape: RequestShape }> {
  const url = new URL(req.url);
  const shape: RequestShape = {
    calls: callsIn(url),
    maxCalls: limits.maxCalls,
    bodyTooLarge: null,
    unreadable: null,
  };
  if (!req.body) return { request: req, shape };
  const declared = Number(req.headers.get("content-length") ?? 0);
  const body = declared > limits.maxBodyBytes ? null : await readAtMost(req.body, limits.maxBodyBytes);
  if (body === null) shape.bodyTooLarge = { limit: limits.maxBodyBytes };
  else if (!isUtf8(body)) shape.unreadable = "The request body is not valid UTF-8.";
  const request = new Request(req.url, {
    method: req.method,
    headers: req.headers,
    body: new Blob([new Uint8Array(body ?? Buffer.alloc(0))]),
    signal: req.signal,
  });
  return { request, shape };
}
