"use client";

import { useSyncExternalStore } from "react";

/**
 * Whether the server can be reached, for the whole page (docs/ui.md, Outages): a call that gets no answer, or a
 * live stream that drops, reports an outage; the page then probes the server until it answers, reports that it
 * is back (every query is refreshed, so stale errors clear), and shows one banner throughout.
 */
export type Connectivity = "online" | "reconnecting" | "back";

const PROBE_MS = 2_000;
const BACK_MS = 4_000;
const PROBE_URL = "/api/trpc/system.info";

let state: Connectivity = "online";
const listeners = new Set<() => void>();
const recoveries = new Set<() => void>();
let probe: ReturnType<typeof setTimeout> | undefined;
let settle: ReturnType<typeof setTimeout> | undefined;

function set(next: Connectivity): void {
  if (next === state) return;
  state = next;
  listeners.forEach((listener) => listener());
}

async function serverAnswers(): Promise<boolean> {
  try {
    return (await fetch(PROBE_URL, { cache: "no-store" })).ok;
  } catch {
    return false;
  }
}

function scheduleProbe(): void {
  if (probe !== undefined) return;
  probe = setTimeout(async () => {
    probe = undefined;
    if (state !== "reconnecting") return;
    if (await serverAnswers()) reportReachable();
    else scheduleProbe();
  }, PROBE_MS);
}

/** A call got no answer, or the live stream dropped. */
export function reportUnreachable(): void {
  clearTimeout(settle);
  set("reconnecting");
  scheduleProbe();
}

/** Something answered: if we were in an outage, it is over. */
export function reportReachable(): void {
  if (state !== "reconnecting") return;
  set("back");
  recoveries.forEach((recover) => recover());
  settle = setTimeout(() => set("online"), BACK_MS);
}

/** Runs `recover` each time the server is back (refetch, clear errors); returns the unsubscribe. */
export function onRecovery(recover: () => void): () => void {
  recoveries.add(recover);
  return () => recoveries.delete(recover);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useConnectivity(): Connectivity {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => "online",
  );
}
