"use client";

import { riskReaches, type RiskLevel } from "@/contracts/risk";
import type { SecurityReport } from "@/contracts/security-report";

/** The security scan's verdict (docs/security-scan.md): a risk badge, and each finding with its quoted evidence. */

/** `compact`: under a "Security" column heading, the risk alone says it. */
export function RiskBadge(props: { risk: RiskLevel; analysed?: boolean; compact?: boolean }) {
  const { risk, analysed = true, compact = false } = props;
  const danger = riskReaches(risk, "high");
  const label = `${compact ? "" : "security: "}${risk}${analysed ? "" : " (not fully analysed)"}`;
  return (
    <span className={`badge${danger ? " badge-error" : ""}`} data-testid="risk-badge" data-risk={risk}>
      {label}
    </span>
  );
}

const SEVERITY_CLASS = { critical: "error", high: "error", medium: "warning", low: "info", info: "info" } as const;

export function SecurityReportView({ report }: { report: SecurityReport }) {
  return (
    <div className="card" data-testid="security-report">
      <h3>
        Security <RiskBadge risk={report.risk} analysed={report.analysed} />
      </h3>
      <p className="hint">
        What could hijack an agent: injection, hidden text, exfiltration, remote code, persistence.
      </p>
      {report.findings.length === 0 ? (
        <p className="muted">No findings.</p>
      ) : (
        <ul className="findings">
          {report.findings.map((f, i) => (
            <li key={`${f.ruleId}-${i}`} data-rule-id={f.ruleId}>
              <span className={`status severity-${SEVERITY_CLASS[f.severity]}`}>{f.severity}</span>
              <span>
                {f.message}{" "}
                <span className="rule-id">
                  {f.ruleId} · {f.line ? `${f.path}:${f.line}` : f.path}
                </span>
                {f.evidence && (
                  <>
                    <br />
                    <code>{f.evidence}</code>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
