import http from "node:http";
import { type AddressInfo } from "node:net";
import { anthropicMessages } from "./anthropic-messages";
import { errorReply, strictSchemaError, type WireError } from "./errors";
import { openaiChat } from "./openai-chat";
import { openaiResponses } from "./openai-responses";
import { buildReply, type ReplyMode } from "./reply";
import { instanceFromSchema } from "./schema-instance";
import { StubState } from "./state";
import { type JsonObject, type Mode, type ParsedRequest, type ProviderStub, type ProviderStubOptions } from "./types";
import { isObject, type ProtocolAdapter } from "./wire";

const ADAPTERS: ProtocolAdapter[] = [openaiChat, openaiResponses, anthropicMessages];
const STEP_HEADER = "x-skill-fleet-step";
const PLAIN_ANSWER = "Hello from the provider stub.";

/** Starts the stub on 127.0.0.1 (any free port unless `options.port`). */
export async function startProviderStub(options: ProviderStubOptions = {}): Promise<ProviderStub> {
  const state = new StubState(options);
  const server = http.createServer((req, res) => {
    handle(state, req, res).catch((error: unknown) =>
      sendJson(res, { status: 500, body: { error: { message: String(error) } } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: state.requests,
    setMode: (mode) => state.setMode(mode),
    setAnswer: (answer) => state.setAnswer(answer),
    reset: () => state.reset(),
    close: () => closeServer(server, state),
  };
}

/** Hung requests keep their sockets open: closing every connection ends them, then the server can stop. */
function closeServer(server: http.Server, state: StubState): Promise<void> {
  state.closing.abort();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

interface Exchange {
  state: StubState;
  adapter: ProtocolAdapter;
  parsed: ParsedRequest;
  body: JsonObject;
  bodyLength: number;
  step: string | undefined;
  index: number;
  res: http.ServerResponse;
}

async function handle(state: StubState, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const raw = await readBody(req);
  const body = parseJson(raw);
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const adapter = ADAPTERS.find((a) => a.path === path && req.method === "POST");
  const header = req.headers[STEP_HEADER];
  const step = typeof header === "string" ? header : undefined;
  if (!adapter) {
    const unknown = { mode: "good", index: -1, stepIndex: -1 } as const;
    record(state, req, { path, body, step, ...unknown, parsed: undefined, protocol: "unknown" });
    return sendJson(res, errorReply("unknown", "not-found"));
  }
  const parsed = adapter.parse(body);
  const { mode, index, stepIndex } = state.nextMode({ protocol: adapter.protocol, step, body });
  record(state, req, { path, body, step, mode, index, stepIndex, parsed, protocol: adapter.protocol });
  const exchange = {
    state,
    adapter,
    parsed,
    body,
    bodyLength: raw.length,
    step,
    index,
    res,
  };
  await answer(exchange, mode, req);
}

interface RecordInput {
  path: string;
  body: JsonObject;
  step: string | undefined;
  mode: Mode;
  index: number;
  stepIndex: number;
  parsed: ParsedRequest | undefined;
  protocol: ProtocolAdapter["protocol"] | "unknown";
}

function record(state: StubState, req: http.IncomingMessage, input: RecordInput): void {
  const { parsed } = input;
  state.requests.push({
    protocol: input.protocol,
    method: req.method ?? "GET",
    path: input.path,
    headers: { ...req.headers },
    body: input.body,
    mode: input.mode,
    model: parsed?.model,
    step: input.step,
    index: input.index,
    stepIndex: input.stepIndex,
    time: Date.now(),
    stream: parsed?.stream ?? false,
    includeUsage: parsed?.includeUsage ?? false,
    schema: parsed?.schema,
    schemaSource: parsed?.schemaSource,
    strict: parsed?.strict ?? false,
  });
}

async function answer(exchange: Exchange, mode: Mode, req: http.IncomingMessage): Promise<void> {
  const { state, adapter, res } = exchange;
  switch (mode) {
    case "hang":
      return; // Never answered: the client's abort (or close()) ends the socket.
    case "rate-limited": {
      const seconds = state.options.retryAfterSeconds ?? 1;
      return sendJson(res, errorReply(adapter.protocol, "rate-limited"), { "retry-after": String(seconds) });
    }
    case "server-error":
      return sendJson(res, errorReply(adapter.protocol, "server-error"));
    case "strict-400":
      return strictOrGood(exchange);
    case "slow":
      if (await delay(state.options.slowMs ?? 200, req, state.closing.signal)) sendReply(exchange, "good");
      return;
    default:
      return sendReply(exchange, mode);
  }
}

function strictOrGood(exchange: Exchange): void {
  const { parsed, state, adapter } = exchange;
  if (!parsed.strict || !parsed.schema) return sendReply(exchange, "good");
  const check = state.options.strictCheck;
  const problems = check ? check(parsed.schema) : ["the provider stub refuses every strict schema"];
  if (problems.length === 0) return sendReply(exchange, "good");
  sendJson(exchange.res, strictSchemaError(adapter.protocol, parsed.schemaName ?? "response", problems));
}

function sendReply(exchange: Exchange, mode: ReplyMode): void {
  const { state, adapter, parsed, res, step } = exchange;
  const call = { protocol: adapter.protocol, step, schema: parsed.schema, messages: parsed.messages };
  const value = state.answer ? state.answer(call) : parsed.schema ? instanceFromSchema(parsed.schema) : PLAIN_ANSWER;
  const reply = buildReply(mode, value, exchange.bodyLength);
  const id = `stub${exchange.index}`;
  if (!parsed.stream) return sendJson(res, { status: 200, body: adapter.json(reply, parsed, id) });
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  for (const frame of adapter.frames(reply, parsed, id, state.options.chunkSize ?? 12)) res.write(frame);
  res.end();
}

function sendJson(res: http.ServerResponse, reply: WireError, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  res.writeHead(reply.status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(reply.body));
}

/** Resolves true after `ms`, or false as soon as the client goes away or the stub closes. */
function delay(ms: number, req: http.IncomingMessage, closing: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (done: boolean) => {
      clearTimeout(timer);
      req.socket.off("close", gone);
      closing.removeEventListener("abort", gone);
      resolve(done);
    };
    const gone = () => finish(false);
    const timer = setTimeout(() => finish(true), ms);
    req.socket.once("close", gone);
    closing.addEventListener("abort", gone, { once: true });
  });
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

function parseJson(raw: string): JsonObject {
  try {
    const value: unknown = JSON.parse(raw);
    return isObject(value) ? value : {};
  } catch {
    return {};
  }
}
