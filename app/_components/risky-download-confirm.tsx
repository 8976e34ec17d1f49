"use client";

import { useState } from "react";
import type { SecurityReport } from "@/contracts/security-report";

/**
 * A zip download that asks first when the shown version's scan rates it high or critical: the server refuses such a
 * download (403) unless `allowRisk=1`, so the confirm step names the findings and links with that flag.
 */

function withAllowRisk(href: string): string {
  return `${href}${href.includes("?") ? "&" : "?"}allowRisk=1`;
}

function TopFindings({ report }: { report: SecurityReport }) {
  const top = report.findings.filter((f) => f.severity === "high" || f.severity === "critical").slice(0, 5);
  return (
    <ul className="findings">
      {top.map((f, i) => (
        <li key={`${f.ruleId}-${i}`} data-rule-id={f.ruleId}>
          <span className="status severity-error">{f.severity}</span>
          <span>
            {f.message} <span className="rule-id">{`${f.ruleId} · ${f.line ? `${f.path}:${f.line}` : f.path}`}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export interface Props {
  href: string;
  security: SecurityReport | null | undefined;
  testId?: string;
}

/** The confirm step for a download the scan rates high or critical (loaded only for such a skill). */
export default function RiskyDownloadConfirm({ href, security, testId }: Props & { security: SecurityReport }) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" onClick={() => setAsking(true)} data-testid={testId}>
        Download .zip…
      </button>
    );
  return (
    <div className="alert alert-error" role="alertdialog" aria-label="Risky download" data-testid="risky-download">
      <p>The security scan rates this skill {security.risk}. An agent that loads it could be turned against you:</p>
      <TopFindings report={security} />
      <div className="row">
        <a className="button" href={withAllowRisk(href)} download data-testid="download-anyway">
          Download anyway
        </a>
        <button type="button" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
