import { isTrackedEnvelope, tracked, type TrackedEnvelope } from "@trpc/server";
import { z } from "zod";
import { streamJobEvents, type StreamItem } from "../../../durable/event-stream";
import { getJobSystem } from "../../../durable/job-system";
import { publicProcedure } from "../../trpc";
import { jobEventSchema, tokenEventSchema } from "./schemas";
import { eventView } from "./views";

const streamEventSchema = z.union([jobEventSchema, tokenEventSchema]);
type StreamEvent = z.infer<typeof streamEventSchema>;
type Yielded = TrackedEnvelope<StreamEvent> | StreamEvent;

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/** Output validation for a subscription: every yielded value is checked (tracked ones inside their envelope). */
const validatedStream = z
  .custom<AsyncIterable<Yielded>>(isAsyncIterable, "expected an async iterable")
  .transform(async function* (stream) {
    for await (const value of stream) {
      if (isTrackedEnvelope(value)) yield tracked(value[0], streamEventSchema.parse(value[1]));
      else yield streamEventSchema.parse(value);
    }
  });

/** Stored events carry their seq as the SSE id (resume point); token events go untracked so they never move it. */
function toWire(item: StreamItem): Yielded {
  if (item.kind === "event") return tracked(String(item.event.seq), eventView(item.event));
  const { type, phase, text, createdAt } = item.token;
  return { type, phase, text, createdAt };
}

export const eventsProcedure = publicProcedure
  .input(
    z.object({ jobId: z.uuid({ message: "jobId must be a UUID" }), lastEventId: z.string().regex(/^\d+$/).nullish() }),
  )
  .output(validatedStream)
  .subscription(async function* ({ input, ctx, signal }) {
    const system = await getJobSystem();
    await system.service.get(ctx.userId, input.jobId);
    const abort = signal ?? new AbortController().signal;
    for await (const item of streamJobEvents(system, input.jobId, Number(input.lastEventId ?? 0), abort))
      yield toWire(item);
  });
