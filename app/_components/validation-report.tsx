"use client";

import type { ContentScores, DimensionView, EvidenceView, JudgeView, QualityDetails } from "@/contracts/validation";
import type { SecurityReport } from "@/contracts/security-report";
import { DIMENSION_LABELS, dimensionsBelowBar, verdictHeadline } from "@/contracts/verdict";
import { SecurityReportView } from "./security-report";

/** Shape of a validation report (skills.validate, a job's validation), as every page shows it. */
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
  scores?: ContentScores | null;
  quality?: QualityDetails | null;
  /** Absent in reports stored before the security scan existed. */
  security?: SecurityReport | null;
}

const TIERS: { tier: ReportFinding["tier"]; title: string; blurb: string }[] = [
  {
    tier: "spec",
    title: "Specification",
    blurb: "Agent Skills specification: the only errors; any one makes the skill invalid.",
  },
  {
    tier: "portability",
    title: "Portability",
    blurb: "Limits of particular clients (claude.ai, Claude Code, Codex): warnings.",
  },
  { tier: "quality", title: "Quality", blurb: "Content quality and house-style suggestions." },
];
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function location(finding: { path?: string; file?: string; line?: number | null }): string {
  const file = finding.path ?? finding.file ?? "SKILL.md";
  return finding.line ? `${file}:${finding.line}` : file;
}

function FindingList({ findings }: { findings: ReportFinding[] }) {
  if (findings.length === 0) return <p className="muted">No findings.</p>;
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return (
    <ul className="findings">
      {sorted.map((f, i) => (
        <li key={`${f.ruleId}-${i}`} data-rule-id={f.ruleId}>
          <span className={`status severity-${f.severity}`}>{f.severity === "info" ? "suggestion" : f.severity}</span>
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

function EvidenceList({ evidence }: { evidence: EvidenceView[] }) {
  if (evidence.length === 0) return null;
  return (
    <ul className="evidence">
      {evidence.map((e, i) => (
        <li key={i} data-effect={e.effect === "+" ? "earned" : "lost"}>
          <span className={e.effect === "+" ? "severity-info" : "severity-warning"}>
            {e.effect === "+" ? "+" : "−"}
          </span>{" "}
          <code>{location(e)}</code> “{e.quote}” <span className="muted">— {e.note}</span>
        </li>
      ))}
    </ul>
  );
}

/** The dimensions under the bar, each with the lines that cost it points: why the skill did not pass. */
function Reasons({ quality }: { quality: QualityDetails }) {
  const below = dimensionsBelowBar(quality);
  if (below.length === 0) return null;
  return (
    <div className="card" data-testid="quality-reasons">
      <h3>Below the bar ({quality.dimensionBar})</h3>
      <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
        {below.map((d) => (
          <li key={d.id} data-dimension={d.id}>
            <strong>
              {DIMENSION_LABELS[d.id]} {d.score.toFixed(2)}
            </strong>
            : {d.summary}
            <EvidenceList evidence={d.evidence.filter((e) => e.effect === "-")} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function judgeText(judge: JudgeView): string {
  if (judge.status === "measured")
    return `Model judge (${judge.engine}): ${judge.score.toFixed(2)}, correctness risk ${judge.correctnessRisk.toFixed(2)}. ${judge.summary}`;
  return `Model judge did not run${judge.status === "failed" ? " (it failed)" : ""}: ${judge.reason}`;
}

function Dimension({ dimension, bar }: { dimension: DimensionView; bar: number }) {
  return (
    <details data-dimension-score={dimension.id}>
      <summary>
        <span className={dimension.score < bar ? "severity-warning" : undefined}>
          {DIMENSION_LABELS[dimension.id]} {dimension.score.toFixed(2)}
        </span>{" "}
        <span className="muted">{dimension.summary}</span>
      </summary>
      <EvidenceList evidence={dimension.evidence} />
    </details>
  );
}

function Scores({ quality, scores }: { quality: QualityDetails; scores: ContentScores }) {
  return (
    <div className="card" aria-label="Content scores">
      <h3>
        Content quality {scores.overall.toFixed(2)} <span className="muted">(pass mark {quality.threshold})</span>
      </h3>
      <p className="hint" data-testid="judge-status">
        {judgeText(quality.judge)}
      </p>
      <div className="stack" style={{ gap: "0.4rem" }}>
        {quality.dimensions.map((d) => (
          <Dimension key={d.id} dimension={d} bar={quality.dimensionBar} />
        ))}
      </div>
    </div>
  );
}

/** Reasons under the bar, then every dimension with its evidence (the review checkpoint shows this alone). */
export function QualitySummary({ quality, scores }: { quality: QualityDetails; scores: ContentScores }) {
  return (
    <>
      <Reasons quality={quality} />
      <Scores quality={quality} scores={scores} />
    </>
  );
}

/** The verdict and its reasons first, then every score with its evidence, then the findings by tier. */
export function ValidationReportView({ report }: { report: ReportView }) {
  return (
    <section className="stack" aria-label="Validation report" data-testid="validation-report">
      <p className={`alert ${report.passed ? "alert-ok" : "alert-error"}`} role="status" data-testid="verdict">
        {verdictHeadline(report)}.
      </p>
      {report.quality && report.scores && <QualitySummary quality={report.quality} scores={report.scores} />}
      {TIERS.map(({ tier, title, blurb }) => (
        <div key={tier} className="card">
          <h3>{title}</h3>
          <p className="hint">{blurb}</p>
          <FindingList findings={report.findings.filter((f) => f.tier === tier)} />
        </div>
      ))}
      {report.security && <SecurityReportView report={report.security} />}
    </section>
  );
}
