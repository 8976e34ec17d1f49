"use client";

import { useConnectivity } from "../_lib/connectivity";

/**
 * The one banner of an outage: "Reconnecting…" while the server does not answer (the page keeps what it last
 * knew), then "Back online" for a moment. The live region is always in the page so screen readers hear each change.
 */
export function OutageBanner() {
  const state = useConnectivity();
  return (
    <div role="status" aria-live="polite" className={`outage outage-${state}`} data-testid="outage-banner">
      {state === "reconnecting" && (
        <p>
          <strong>Reconnecting…</strong> The server is not answering. This page shows what it last knew and catches up
          as soon as the server is back.
        </p>
      )}
      {state === "back" && (
        <p>
          <strong>Back online.</strong>
        </p>
      )}
    </div>
  );
}
