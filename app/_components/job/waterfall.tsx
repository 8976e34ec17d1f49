"use client";

import { useState } from "react";
import { formatMs, formatTokens, formatUsd } from "../../_lib/format";
import type { RouterOutputs } from "../../_lib/router-types";
import { JsonView } from "../json-view";
import { stepLabel } from "./step-labels";

type Timeline = RouterOutputs["jobs"]["timeline"];
type Step = Timeline["steps"][number];

const endOf = (step: Step, now: number): number =>
  step.completedAt?.getTime() ?? (step.durationMs !== null ? step.startedAt.getTime() + step.durationMs : now);

/** Idle stretches (waiting for an answer) shrink to this share of the busy time, so steps stay visible. */
const IDLE_SHARE = 0.05;

/** The job's time axis: busy stretches at their true length, each idle gap between them shrunk to a short break. */
function timeAxis(intervals: [number, number][]): { at: (t: number) => number; length: number } {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const busy: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = busy.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else busy.push([start, end]);
  }
  const busyMs = busy.reduce((sum, [start, end]) => sum + (end - start), 0);
  const gap = Math.max(1, busyMs * IDLE_SHARE);
  const offsets: number[] = [];
  let length = 0;
  busy.forEach(([start, end], i) => {
    const previous = busy[i - 1];
    if (previous) length += Math.min(start - previous[1], gap);
    offsets.push(length - start);
    length += end - start;
  });
  const at = (t: number) => t + (offsets[busy.findIndex(([, end]) => t <= end)] ?? offsets.at(-1) ?? 0);
  return { at, length: Math.max(1, length) };
}

/**
 * Where each step's bar sits on the job's time axis, in percent: steps that overlap ran in parallel. Time spent
 * waiting for the user between steps is shortened (it can be hours), so it does not squash the steps to nothing.
 */
export function barGeometry(steps: Step[], now: number): Map<string, { left: number; width: number }> {
  const spans = steps.map((s): [number, number] => [s.startedAt.getTime(), endOf(s, now)]);
  const axis = timeAxis(spans);
  return new Map(
    steps.map((s, i) => {
      const [start, end] = spans[i] ?? [0, 0];
      const left = (axis.at(start) / axis.length) * 100;
      const width = Math.max(0.5, ((axis.at(end) - axis.at(start)) / axis.length) * 100);
      return [s.key, { left, width: Math.min(width, 100 - left) }];
    }),
  );
}

function modelText(model: string | null, provenance: Step["provenance"]): string {
  if (model === null) return "—";
  if (provenance?.source === "fallback") return `offline engine (fallback after ${provenance.engine} failed)`;
  return model === "offline" ? "offline engine" : model;
}

export function costText(model: string | null, costUsd: number | null): string {
  if (model === null) return "—";
  return costUsd === null ? "cost unknown" : formatUsd(costUsd);
}

function tokensText(usage: Step["usage"], provenance: Step["provenance"]): string {
  if (provenance && provenance.source !== "offline" && provenance.tokens.total === null) return "unknown";
  if (!usage.totalTokens) return "—";
  return `${formatTokens(usage.totalTokens)} (${formatTokens(usage.inputTokens ?? 0)} in, ${formatTokens(usage.outputTokens ?? 0)} out)`;
}

/** A step's input and output, rendered only once opened (outputs can be whole SKILL.md files). */
function StepIo({ step }: { step: Step }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Input and output</summary>
      {open && (
        <div className="grid-halves step-io">
          <section aria-label="Input">
            <h4>Input</h4>
            {step.input === null ? (
              <p className="muted">Not recorded (a plain computation).</p>
            ) : (
              <JsonView value={step.input} />
            )}
          </section>
          <section aria-label="Output">
            <h4>Output</h4>
            {step.output === null ? <p className="muted">No output.</p> : <JsonView value={step.output} />}
          </section>
        </div>
      )}
      <p className="hint">
        Key <code>{step.key}</code> · {step.attempts} {step.attempts === 1 ? "run" : "runs"}
      </p>
      {step.provenance && <Requests provenance={step.provenance} />}
    </details>
  );
}

const KIND_WORDS: Record<string, string> = {
  ask: "asked",
  reask: "asked again (the reply did not fit)",
  retry: "retried",
  "larger-budget": "retried with a larger output budget",
  "without-strict": "retried without strict schema",
};

/** Every request the step made, and how each ended: retries and re-asks are visible, not folded into one. */
function Requests({ provenance }: { provenance: NonNullable<Step["provenance"]> }) {
  if (provenance.requests.length === 0) return null;
  return (
    <ol className="step-requests" data-testid="step-requests" aria-label="Requests to the model">
      {provenance.requests.map((r, i) => (
        <li key={i} data-outcome={r.outcome}>
          {KIND_WORDS[r.kind] ?? r.kind}: <strong>{r.outcome}</strong>
          {r.status !== null && ` (HTTP ${r.status})`} · {formatMs(r.durationMs)}
          {r.detail && <span className="muted"> — {r.detail}</span>}
        </li>
      ))}
    </ol>
  );
}

/** Who wrote the step's output, said plainly when it was not the model. */
function SourceBadge({ provenance }: { provenance: Step["provenance"] }) {
  if (provenance?.source !== "fallback") return null;
  return (
    <div className="field-error" data-testid="step-fallback">
      Fallback: the offline engine wrote this output because {provenance.engine} failed
      {provenance.reason ? ` (${provenance.reason})` : ""}.
    </div>
  );
}

function StepRow({ step, bar }: { step: Step; bar: { left: number; width: number } }) {
  return (
    <tr data-testid="waterfall-row" data-status={step.status}>
      <th scope="row">
        <span title={step.key}>{stepLabel(step.key)}</span>
        {step.status !== "completed" && <span className={`status status-${step.status}`}> {step.status}</span>}
        {step.error && <div className="field-error">{step.error}</div>}
        <SourceBadge provenance={step.provenance} />
        <StepIo step={step} />
      </th>
      <td className="bar-cell" aria-hidden="true">
        <span className={`bar bar-${step.status}`} style={{ marginLeft: `${bar.left}%`, width: `${bar.width}%` }} />
      </td>
      <td data-label="Duration">{step.durationMs === null ? "…" : formatMs(step.durationMs)}</td>
      <td data-label="Model" data-source={step.provenance?.source ?? ""}>
        {modelText(step.model, step.provenance)}
      </td>
      <td data-label="Tokens">{tokensText(step.usage, step.provenance)}</td>
      <td data-label="Estimated cost">{costText(step.model, step.costUsd)}</td>
    </tr>
  );
}

const tokenCount = (n: number | null): string => (n === null ? "unknown" : formatTokens(n));

function TotalsRow({ totals }: { totals: Timeline["totals"] }) {
  return (
    <tr data-testid="waterfall-totals">
      <th scope="row">Total</th>
      <td data-label="Elapsed">
        {totals.wallMs === null ? "—" : `${formatMs(totals.wallMs)} from first step to last`}
      </td>
      <td data-label="Step time">{formatMs(totals.stepMs)}</td>
      <td className="empty-cell" />
      <td data-label="Tokens">
        {totals.totalTokens === null
          ? "unknown (a provider did not report its counts)"
          : `${formatTokens(totals.totalTokens)} (${tokenCount(totals.inputTokens)} in, ${tokenCount(totals.outputTokens)} out)`}
      </td>
      <td data-label="Estimated cost">{totals.costUsd === null ? "cost unknown" : formatUsd(totals.costUsd)}</td>
    </tr>
  );
}

/**
 * Every step as a bar on the job's time axis (overlapping bars ran in parallel), with duration, model, tokens and
 * estimated cost, totals underneath; each step opens to its input and output. Scrolls sideways in its own box on
 * a narrow screen.
 */
export function Waterfall({ steps, totals, now }: { steps: Step[]; totals: Timeline["totals"]; now: number }) {
  if (steps.length === 0) return <p className="muted">No steps ran.</p>;
  const bars = barGeometry(steps, now);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Steps, scrollable">
      <table className="data waterfall cards-on-mobile" aria-label="Steps">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">When</th>
            <th scope="col">Duration</th>
            <th scope="col">Model</th>
            <th scope="col">Tokens</th>
            <th scope="col">Estimated cost</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step) => (
            <StepRow key={step.key} step={step} bar={bars.get(step.key) ?? { left: 0, width: 0 }} />
          ))}
        </tbody>
        <tfoot>
          <TotalsRow totals={totals} />
        </tfoot>
      </table>
    </div>
  );
}
