import { type JsonObject, type ParsedRequest, type Protocol, type Reply } from "./types";

/** What each wire protocol module provides: reading a request and writing replies in its own format. */
export interface ProtocolAdapter {
  protocol: Protocol;
  path: string;
  parse(body: JsonObject): ParsedRequest;
  /** The body of a non-streamed reply. */
  json(reply: Reply, request: ParsedRequest, id: string): JsonObject;
  /** The SSE frames of a streamed reply, already formatted. */
  frames(reply: Reply, request: ParsedRequest, id: string, chunkSize: number): string[];
}

/** One SSE frame; `event` is written only by the protocols that name their events. */
export function sseFrame(data: unknown, event?: string): string {
  const json = typeof data === "string" ? data : JSON.stringify(data);
  return `${event ? `event: ${event}\n` : ""}data: ${json}\n\n`;
}

/** Splits a reply into deltas; an empty reply still has no delta at all, as real servers send. */
export function chunks(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function objectAt(value: unknown, key: string): JsonObject | undefined {
  const child = isObject(value) ? value[key] : undefined;
  return isObject(child) ? child : undefined;
}

/** Seconds since the epoch, as the providers' `created` fields carry. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
