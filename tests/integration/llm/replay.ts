import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Replays a provider's HTTP exchanges (tests/fixtures/llm/<provider>.json) through the provider's `fetch`
 * option: each request must go to the recorded URL; the recorded response (JSON body or SSE events) comes back.
 * Requests are kept so tests can check their shape.
 */
interface Exchange {
  request: { method: string; url: string };
  response: { status: number; headers: Record<string, string>; body?: unknown; sse?: string[] };
}

interface Fixture {
  provider: string;
  note: string;
  exchanges: Record<string, Exchange>;
}

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export function loadFixture(provider: string): Fixture {
  return JSON.parse(
    readFileSync(path.join(import.meta.dirname, "../../fixtures/llm", `${provider}.json`), "utf8"),
  ) as Fixture;
}

function responseFor(exchange: Exchange): Response {
  const { status, headers, body, sse } = exchange.response;
  if (!sse) return new Response(JSON.stringify(body), { status, headers });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const event of sse) controller.enqueue(encoder.encode(event));
      controller.close();
    },
  });
  return new Response(stream, { status, headers });
}

function recorded(input: string | URL | Request, init: RequestInit): RecordedRequest {
  const url = input instanceof Request ? input.url : String(input);
  const headers = Object.fromEntries(new Headers(init.headers).entries());
  return {
    url,
    method: init.method ?? "GET",
    headers,
    body: JSON.parse(String(init.body ?? "{}")) as Record<string, unknown>,
  };
}

export function replayFetch(
  provider: string,
  names: string[],
): { fetch: typeof globalThis.fetch; requests: RecordedRequest[] } {
  const fixture = loadFixture(provider);
  const queue = [...names];
  const requests: RecordedRequest[] = [];
  const fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const name = queue.shift();
    const exchange = name ? fixture.exchanges[name] : undefined;
    if (!exchange) throw new Error(`unexpected request to ${String(input)} (no exchange left)`);
    const request = recorded(input, init);
    requests.push(request);
    if (request.url !== exchange.request.url || request.method !== exchange.request.method) {
      throw new Error(
        `request ${request.method} ${request.url} does not match the recorded ${exchange.request.method} ${exchange.request.url}`,
      );
    }
    return responseFor(exchange);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}
