"use client";

import type { Report } from "./use-findings";

/** The latest validation of what is in the editor: pass/fail, score, and every finding with where it points. */
export function FindingsPanel({ report, checking }: { report: Report | null; checking: boolean }) {
  return (
    <section aria-labelledby="findings-title" className="stack" aria-busy={checking}>
      <h3 id="findings-title" style={{ margin: 0 }}>
        Findings{" "}
        {report && (
          <span className={`status status-${report.passed ? "passed" : "failed"}`} data-testid="findings-status">
            {report.passed ? "passes" : "does not pass"} · quality {report.scores.overall.toFixed(2)}
          </span>
        )}
      </h3>
      {report && report.findings.length === 0 && <p className="muted">No findings.</p>}
      <ul className="findings-list" data-testid="findings">
        {(report?.findings ?? []).map((finding, index) => (
          <li key={`${finding.ruleId}-${index}`} data-severity={finding.severity}>
            <code>{finding.ruleId}</code> {finding.path}
            {finding.line ? `:${finding.line}` : ""} — {finding.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
