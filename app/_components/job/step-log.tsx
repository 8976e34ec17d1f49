"use client";

import type { Provenance } from "@/contracts/provenance";
import { asProvenance, provenanceLine } from "@/contracts/provenance-line";
import { formatMs } from "../../_lib/format";
import { stepLabel } from "./step-labels";
import type { StoredEvent } from "./use-job-stream";

interface StepRow {
  key: string;
  status: "running" | "completed" | "failed";
  durationMs: number | null;
  error: string | null;
  reasoning: string[];
  /** Who wrote the output: said as the step ends (a model step only). */
  provenance: Provenance | null;
}

function readString(data: Record<string, unknown>, key: string): string | null {
  const value = data[key];
  return typeof value === "string" ? value : null;
}

/** Folds the event stream into one row per step (start → end), with reasoning snippets attached. */
export function stepRows(events: StoredEvent[]): StepRow[] {
  const rows = new Map<string, StepRow>();
  let last: StepRow | undefined;
  for (const event of events) {
    const key = readString(event.data, "key") ?? event.message;
    if (event.type === "step_start") {
      last = { key, status: "running", durationMs: null, error: null, reasoning: [], provenance: null };
      rows.set(key, last);
    } else if (event.type === "step_end") {
      const row = rows.get(key) ?? {
        key,
        status: "running",
        durationMs: null,
        error: null,
        reasoning: [],
        provenance: null,
      };
      rows.set(key, {
        ...row,
        status: readString(event.data, "status") === "failed" ? "failed" : "completed",
        durationMs: typeof event.data.durationMs === "number" ? event.data.durationMs : null,
        error: readString(event.data, "error"),
        provenance: asProvenance(event.data.provenance),
      });
    } else if (event.type === "reasoning" && last) {
      last.reasoning.push(event.message);
    }
  }
  return [...rows.values()];
}

/** A step the model did not write, or that took more than one request, says so; a plain model step stays quiet. */
function Source({ provenance }: { provenance: Provenance | null }) {
  if (!provenance || provenance.source === "offline") return null;
  if (provenance.source === "model" && provenance.requests.length <= 1) return null;
  const fallback = provenance.source === "fallback";
  return (
    <p className={fallback ? "field-error" : "muted"} data-testid="step-source">
      {provenanceLine(provenance)}
    </p>
  );
}

const duration = (ms: number | null): string => (ms === null ? "…" : formatMs(ms));

/** The live step log: step, status, duration; reasoning collapsible under each step. */
export function StepLog({ events }: { events: StoredEvent[] }) {
  const rows = stepRows(events);
  if (rows.length === 0) return <p className="muted">No steps yet.</p>;
  return (
    <ol className="step-log" aria-label="Step log">
      {rows.map((row) => (
        <li key={row.key} data-status={row.status}>
          <div className="step-row">
            <span className={`status status-${row.status}`}>{row.status}</span>
            <span className="step-name" title={row.key}>
              {stepLabel(row.key)}
            </span>
            <span className="muted">{duration(row.durationMs)}</span>
          </div>
          {row.error && <p className="field-error">{row.error}</p>}
          <Source provenance={row.provenance} />
          {row.reasoning.length > 0 && (
            <details>
              <summary className="muted">Reasoning</summary>
              {row.reasoning.map((r, i) => (
                <p key={i} className="muted">
                  {r}
                </p>
              ))}
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
