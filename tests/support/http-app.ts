import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Readable } from "node:stream";
import { GET as jobArchive } from "../../app/api/jobs/[jobId]/archive/route";
import { GET as trpcGet, POST as trpcPost } from "../../app/api/trpc/[trpc]/route";

/**
 * The app's real route handlers (the tRPC endpoint, the job archive) behind a real HTTP server in this process,
 * so integration tests go over HTTP/SSE exactly as the browser does while sharing this process's database and
 * job system (and its scripted models). The Next.js server itself is exercised by the e2e suite.
 */
type Handler = (req: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function route(pathname: string, method: string): { handler: Handler; params: Record<string, string> } | null {
  if (pathname.startsWith("/api/trpc/"))
    return { handler: (method === "POST" ? trpcPost : trpcGet) as Handler, params: {} };
  const archive = /^\/api\/jobs\/([^/]+)\/archive$/.exec(pathname);
  if (archive && method === "GET")
    return { handler: jobArchive as unknown as Handler, params: { jobId: decodeURIComponent(archive[1] ?? "") } };
  return null;
}

function toRequest(req: http.IncomingMessage, base: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const body = hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined;
  return new Request(new URL(req.url ?? "/", base), {
    method: req.method,
    headers,
    body,
    signal,
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

async function send(res: http.ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  res.on("close", () => void reader.cancel().catch(() => undefined));
  for (;;) {
    const { done, value } = await reader.read().catch(() => ({ done: true as const, value: undefined }));
    if (done) break;
    res.write(value);
  }
  res.end();
}

export interface HttpApp {
  url: string;
  close(): Promise<void>;
}

export async function startHttpApp(): Promise<HttpApp> {
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    const base = `http://${req.headers.host ?? "127.0.0.1"}`;
    const match = route(new URL(req.url ?? "/", base).pathname, req.method ?? "GET");
    if (!match) return void res.writeHead(404).end();
    match.handler(toRequest(req, base, abort.signal), { params: Promise.resolve(match.params) }).then(
      (response) => send(res, response),
      (error: unknown) => {
        res.writeHead(500).end(String(error));
      },
    );
  });
  // Jobs run in this process too: a busy event loop can fire the 5 s idle timeout just as the client reuses the
  // socket ("other side closed"). Tests close every socket themselves, so idle ones may stay open.
  server.keepAliveTimeout = 10 * 60_000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
