import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { GET as jobArchive } from "../../app/api/jobs/[jobId]/archive/route";
import { GET as trpcGet, POST as trpcPost } from "../../app/api/trpc/[trpc]/route";
import { GET as libraryArchive } from "../../app/api/library/[...path]/route";
import { POST as mcpPost } from "../../app/api/mcp/route";

/**
 * The app's real route handlers (the tRPC endpoint, the MCP endpoint, the job archive) behind a real HTTP server in
 * this process, so integration tests go over HTTP/SSE exactly as the browser does while sharing this process's
 * database and job system (and its scripted models). The Next.js server itself is exercised by the e2e suite.
 */
type Params = Record<string, string | string[]>;
type Handler = (req: Request, context: { params: Promise<Params> }) => Promise<Response>;

function route(pathname: string, method: string): { handler: Handler; params: Params } | null {
  if (pathname.startsWith("/api/trpc/"))
    return { handler: (method === "POST" ? trpcPost : trpcGet) as Handler, params: {} };
  if (pathname === "/api/mcp" && method === "POST") return { handler: mcpPost as Handler, params: {} };
  const archive = /^\/api\/jobs\/([^/]+)\/archive$/.exec(pathname);
  if (archive && method === "GET")
    return { handler: jobArchive as unknown as Handler, params: { jobId: decodeURIComponent(archive[1] ?? "") } };
  const library = /^\/api\/library\/(.+)$/.exec(pathname);
  if (library && method === "GET") {
    const segments = (library[1] ?? "").split("/").map(decodeURIComponent);
    return { handler: libraryArchive as unknown as Handler, params: { path: segments } };
  }
  return null;
}

/**
 * The request with its body read to the end first: a response sent while Node still holds unread request bytes makes
 * Node close the keep-alive connection, and the client's next request on it then fails with "other side closed".
 */
async function toRequest(req: http.IncomingMessage, base: string, signal: AbortSignal): Promise<Request> {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const chunks: Buffer[] = [];
  if (hasBody) for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Request(new URL(req.url ?? "/", base), {
    method: req.method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
    signal,
  });
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
    toRequest(req, base, abort.signal)
      .then((request) => match.handler(request, { params: Promise.resolve(match.params) }))
      .then(
        (response) => send(res, response),
        (error: unknown) => {
          res.writeHead(500).end(String(error));
        },
      );
  });
  // The client's keep-alive (undici: the server's hint less 1 s) must always end first. With both in this process, a
  // long synchronous stretch (a job validating a skill) makes both timers overdue; the shorter one, the client's,
  // then fires first, so a request is never sent on a socket the server is closing ("other side closed").
  server.keepAliveTimeout = 60_000;
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
