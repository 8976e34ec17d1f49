import { metrics } from "./metrics";

/** A live job-event subscriber opened; call the returned function once when it ends. */
export function subscriberOpened(): () => void {
  const { subscribers } = metrics();
  subscribers.inc();
  let open = true;
  return () => {
    if (open) subscribers.dec();
    open = false;
  };
}

/**
 * A stored event handed to this server's live subscribers: the time since the database stored it (its clock, so on
 * a remote PostgreSQL the figure includes any skew between the two clocks).
 */
export function recordEventFanout(storedAt: Date, subscribers: number): void {
  if (subscribers === 0) return;
  metrics().delivery.observe(Math.max(0, Date.now() - storedAt.getTime()) / 1000);
}

/** One tRPC call, with the procedure's name only when it is one the router knows (never a caller's free text). */
export function recordTrpcCall(call: { procedure: string; type: string; code: string; seconds: number }): void {
  metrics().trpcCalls.observe({ procedure: call.procedure, type: call.type, code: call.code }, call.seconds);
}
