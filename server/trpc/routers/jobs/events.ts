import { tracked } from "@trpc/server";
import type { StreamItem } from "../../../durable/event-stream";
import { publicProcedure } from "../../trpc";
import { eventsInput, eventsOutput, type StreamEvent, type StreamYield } from "./schemas";
import { eventView } from "./views";

/** What a subscriber receives for one stream item (the wire shape of a stored or a token event). */
export function streamEventOf(item: StreamItem): StreamEvent {
  if (item.kind === "event") return eventView(item.event);
  const { type, phase, text, createdAt } = item.token;
  return { type, phase, text, createdAt };
}

/** Stored events carry their seq as the SSE id (resume point); token events go untracked so they never move it. */
function toWire(item: StreamItem): StreamYield {
  return item.kind === "event" ? tracked(String(item.event.seq), streamEventOf(item)) : streamEventOf(item);
}

export const eventsProcedure = publicProcedure
  .input(eventsInput)
  .output(eventsOutput)
  .subscription(async function* ({ input, ctx, signal }) {
    const abort = signal ?? new AbortController().signal;
    const after = Number(input.lastEventId ?? 0);
    for await (const item of await ctx.services.jobs.stream(ctx.userId, input.jobId, after, abort)) yield toWire(item);
  });
