"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useReducer } from "react";
import { reportReachable, reportUnreachable } from "../../_lib/connectivity";
import { useTRPC } from "../../_lib/trpc";
import { applyEvent, isFinished, isTerminalEvent, needsJobRead, type StoredEvent } from "./apply-event";

export type { StoredEvent } from "./apply-event";
export type Connection = "connecting" | "live" | "reconnecting" | "resumed" | "ended";

interface TokenItem {
  type: "token";
  text: string;
  /** The step's text so far was rejected (the model is asked again): this starts it anew. */
  reset?: boolean;
}
type StreamItem = StoredEvent | TokenItem;

interface StreamState {
  events: StoredEvent[];
  tokens: string;
  connection: Connection;
  wasLive: boolean;
}

type Action = { kind: "item"; item: StreamItem } | { kind: "state"; state: "idle" | "connecting" | "pending" };

/** Tracked events arrive wrapped as `{ id, data }`; untracked ones (tokens) arrive bare. */
function unwrap(item: unknown): StreamItem {
  if (typeof item === "object" && item !== null && "data" in item && "id" in item)
    return (item as { data: StreamItem }).data;
  return item as StreamItem;
}

function addItem(state: StreamState, item: StreamItem): StreamState {
  if (item.type === "token") return { ...state, tokens: item.reset ? item.text : state.tokens + item.text };
  // A replay after a reconnect may resend what we have: de-duplicate by seq, keep seq order.
  if (state.events.some((e) => e.seq === item.seq)) return state;
  const events = [...state.events, item].sort((a, b) => a.seq - b.seq);
  const tokens = item.type === "step_start" || item.type === "phase_start" ? "" : state.tokens;
  return { ...state, events, tokens, connection: isTerminalEvent(item) ? "ended" : state.connection };
}

function connectionState(state: StreamState, next: "idle" | "connecting" | "pending"): StreamState {
  if (state.connection === "ended" || next === "idle") return state;
  if (next === "connecting") return { ...state, connection: state.wasLive ? "reconnecting" : "connecting" };
  return { ...state, connection: state.wasLive ? "resumed" : "live", wasLive: true };
}

function reduce(state: StreamState, action: Action): StreamState {
  return action.kind === "item" ? addItem(state, action.item) : connectionState(state, action.state);
}

/**
 * Live job events over the `jobs.events` SSE subscription. The link reconnects by itself and resumes from the
 * last tracked id; events are de-duplicated by seq anyway. Each stored event is applied to the `jobs.get` data the
 * page shows (apply-event.ts); only the job's end fetches it again, for its result.
 */
export function useJobStream(jobId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(reduce, { events: [], tokens: "", connection: "connecting", wasLive: false });
  // A stream that was live and drops means the server went away: the page's outage banner takes it from there.
  useEffect(() => {
    if (state.connection === "reconnecting") reportUnreachable();
    else if (state.connection === "live" || state.connection === "resumed") reportReachable();
  }, [state.connection]);

  useSubscription(
    trpc.jobs.events.subscriptionOptions(
      { jobId },
      {
        onData: (raw) => {
          const item = unwrap(raw);
          dispatch({ kind: "item", item });
          if (item.type === "token") return;
          const queryKey = trpc.jobs.get.queryKey({ jobId });
          const before = queryClient.getQueryData(queryKey);
          queryClient.setQueryData(queryKey, (job) => job && applyEvent(job, item));
          // A closing event lacks the result, a new checkpoint its typed prompt: read the job once (unless finished).
          if (needsJobRead(item) && !(before && isFinished(before))) void queryClient.invalidateQueries({ queryKey });
        },
        onConnectionStateChange: ({ state: next }) => dispatch({ kind: "state", state: next }),
      },
    ),
  );
  return { events: state.events, tokens: state.tokens, connection: state.connection };
}
