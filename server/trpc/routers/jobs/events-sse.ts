import superjson from "superjson";
import type { StreamItem } from "../../../durable/event-stream";
import type { AppServices } from "../../../services";
import { requiredCaller } from "../../../auth/access";
import { SSE_SETTINGS } from "../../trpc";
import { streamEventOf } from "./events";
import { eventsInput, streamEventSchema } from "./schemas";

/**
 * `jobs.events` over HTTP, fast (docs/performance.md, Live events). The same subscription, input and output as the
 * tRPC procedure, and the same SSE wire format tRPC's own producer writes (so tRPC's httpSubscriptionLink, in the
 * browser and the CLI, reads it unchanged: `connected`, tracked `id`s for resuming, `ping`, `return`), but each
 * event is validated and encoded ONCE, into bytes every subscriber of the job is sent as they are. tRPC's producer
 * instead runs every event through the output schema, superjson and JSON.stringify per subscriber, behind several
 * async generators and streams per subscriber. Anything this path does not serve as it stands (an error to report:
 * bad input, unknown job, wrong owner) returns null and goes to tRPC, which answers it as it always did.
 */
const encoder = new TextEncoder();
const text = (frame: string): Uint8Array => encoder.encode(frame);

const CONNECTED = text(`event: connected\ndata: ${JSON.stringify(SSE_SETTINGS.client)}\n\n`);
const PING = text("event: ping\ndata: \n\n");
const RETURN = text("event: return\ndata: \n\n");
const UNTRACKED = text("id: \n");
const HEADERS = {
  "Content-Type": "text/event-stream",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
};

/** Each live event is one object shared by every subscriber of its job (EventBus): its bytes are made once. */
const encoded = new WeakMap<object, Uint8Array>();

function bytesOf(item: StreamItem): Uint8Array {
  const source = item.kind === "event" ? item.event : item.token;
  let bytes = encoded.get(source);
  if (!bytes) {
    const data = JSON.stringify(superjson.serialize(streamEventSchema.parse(streamEventOf(item))));
    bytes = text(item.kind === "event" ? `id: ${item.event.seq}\ndata: ${data}\n\n` : `data: ${data}\n\n`);
    encoded.set(source, bytes);
  }
  return bytes;
}

/** The subscription's input as tRPC reads it: superjson in `input`, the resume point from Last-Event-ID. */
function inputOf(req: Request, url: URL) {
  const raw = url.searchParams.get("input");
  let input: unknown;
  try {
    input = raw === null ? {} : superjson.deserialize(JSON.parse(raw));
  } catch {
    return null;
  }
  const lastEventId =
    req.headers.get("last-event-id") ?? url.searchParams.get("lastEventId") ?? url.searchParams.get("Last-Event-Id");
  const parsed = eventsInput.safeParse(lastEventId && typeof input === "object" ? { ...input, lastEventId } : input);
  return parsed.success ? parsed.data : null;
}

/** Writes the stream's items; an untracked item after a tracked one resets the id and restores it (as tRPC does). */
async function pump(items: AsyncGenerator<StreamItem>, send: (bytes: Uint8Array) => void, after: number) {
  let last: string | null = after > 0 ? String(after) : null;
  for await (const item of items) {
    if (item.kind === "event") last = String(item.event.seq);
    else if (last !== null) send(UNTRACKED);
    send(bytesOf(item));
    if (item.kind === "token" && last !== null) send(text(`event: restore-id\ndata: \nid: ${last}\n\n`));
  }
}

function sseStream(items: AsyncGenerator<StreamItem>, after: number, stop: AbortController): ReadableStream {
  let ping: NodeJS.Timeout | undefined;
  let open = true;
  const end = () => {
    open = false;
    clearInterval(ping);
    stop.abort();
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let quiet = true;
      // A client that went away cancels the stream: from then on nothing more is written or closed.
      const send = (bytes: Uint8Array) => {
        if (!open) return;
        controller.enqueue(bytes);
        quiet = false;
      };
      send(CONNECTED);
      ping = setInterval(() => (quiet ? send(PING) : (quiet = true)), SSE_SETTINGS.ping.intervalMs);
      // A failure mid-stream closes the connection without `return`: the client reconnects and resumes from its id.
      void pump(items, send, after)
        .then(() => send(RETURN))
        .catch(() => undefined)
        .finally(() => {
          if (open) controller.close();
          end();
        });
    },
    cancel: end,
  });
}

/** The SSE response for a `GET /api/trpc/jobs.events` this path can serve; null sends the request to tRPC. */
export async function jobEventsResponse(req: Request, services: AppServices): Promise<Response | null> {
  const url = new URL(req.url);
  if (req.method !== "GET" || !url.pathname.endsWith("/jobs.events")) return null;
  const input = inputOf(req, url);
  if (!input) return null;
  const stop = new AbortController();
  const signal = AbortSignal.any([req.signal, stop.signal]);
  const after = Number(input.lastEventId ?? 0);
  let items: AsyncGenerator<StreamItem>;
  try {
    const userId = requiredCaller(await services.access.caller(req.headers));
    items = await services.jobs.stream(userId, input.jobId, after, signal);
  } catch {
    return null; // tRPC runs the procedure again and reports its error the way its clients expect
  }
  return new Response(sseStream(items, after, stop), { headers: HEADERS });
}
