import { tracked } from "@trpc/server";
import type { StreamItem } from "../../../durable/event-stream";
import { publicProcedure } from "../../trpc";
import { eventsInput, eventsOutput, type StreamYield } from "./schemas";
import { eventView } from "./views";

/** Stored events carry their seq as the SSE id (resume point); token events go untracked so they never move it. */
function toWire(item: StreamItem): StreamYield {
  if (item.kind === "event") return tracked(String(item.event.seq), eventView(item.event));
  const { type, phase, text, createdAt } = item.token;
  return { type, phase, text, createdAt };
}

export const eventsProcedure = publicProcedure
  .input(eventsInput)
  .output(eventsOutput)
  .subscription(async function* ({ input, ctx, signal }) {
    const abort = signal ?? new AbortController().signal;
    const after = Number(input.lastEventId ?? 0);
    for await (const item of await ctx.services.jobs.stream(ctx.userId, input.jobId, after, abort)) yield toWire(item);
  });
