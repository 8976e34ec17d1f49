"use client";

/** Shape of a validation report (docs/architecture.md, API: `skills.validate`), as every page shows it. */
export interface ReportFinding {
  ruleId: string;
  tier: "spec" | "portability" | "quality";
  severity: "error" | "warning" | "info";
  message: string;
  path: string;
  line?: number | null;
}

export interface ReportView {
  passed: boolean;
  findings: ReportFinding[];
  scores?: Record<string, unknown> | null;
}

const TIERS: { tier: ReportFinding["tier"]; title: string; blurb: string }[] = [
  { tier: "spec", title: "Specification", blurb: "Agent Skills specification: errors here make the skill invalid." },
  { tier: "portability", title: "Portability", blurb: "Limits of claude.ai, skill-creator and Codex." },
  { tier: "quality", title: "Quality", blurb: "Documentation, triggers, examples and size." },
];
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function location(finding: ReportFinding): string {
  return finding.line ? `${finding.path}:${finding.line}` : finding.path;
}

function FindingList({ findings }: { findings: ReportFinding[] }) {
  if (findings.length === 0) return <p className="muted">No findings.</p>;
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return (
    <ul className="findings">
      {sorted.map((f, i) => (
        <li key={`${f.ruleId}-${i}`} data-rule-id={f.ruleId}>
          <span className={`status severity-${f.severity}`}>{f.severity}</span>
          <span>
            {f.message}{" "}
            <span className="rule-id">
              {f.ruleId} · {location(f)}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

function ScoreList({ scores }: { scores: Record<string, unknown> }) {
  const numeric = Object.entries(scores).filter((entry): entry is [string, number] => typeof entry[1] === "number");
  if (numeric.length === 0) return null;
  return (
    <dl className="row" aria-label="Scores">
      {numeric.map(([name, value]) => (
        <div key={name} className="card">
          <dt className="muted">{name.replace(/([A-Z])/g, " $1").toLowerCase()}</dt>
          <dd style={{ margin: 0, fontWeight: 700 }}>{Number.isInteger(value) ? value : value.toFixed(2)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Findings grouped by tier, then severity, each with its rule id and location; scores underneath. */
export function ValidationReportView({ report }: { report: ReportView }) {
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.filter((f) => f.severity === "warning").length;
  return (
    <section className="stack" aria-label="Validation report" data-testid="validation-report">
      <p className={`alert ${report.passed ? "alert-ok" : "alert-error"}`} role="status">
        {report.passed ? "Passed" : "Did not pass"}: {errors} error{errors === 1 ? "" : "s"}, {warnings} warning
        {warnings === 1 ? "" : "s"}.
      </p>
      {TIERS.map(({ tier, title, blurb }) => (
        <div key={tier} className="card">
          <h3>{title}</h3>
          <p className="hint">{blurb}</p>
          <FindingList findings={report.findings.filter((f) => f.tier === tier)} />
        </div>
      ))}
      {report.scores && <ScoreList scores={report.scores} />}
    </section>
  );
}
