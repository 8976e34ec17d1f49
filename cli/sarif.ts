import {
  riskRank,
  type SecurityFinding,
  type SecurityReport,
  type SecuritySeverity,
} from "../contracts/security-report";

/**
 * The scan as SARIF 2.1.0, the format GitHub code scanning reads. Levels: critical/high → error, medium → warning,
 * low/info → note; each rule carries a `security-severity` score so GitHub sorts the alerts the same way.
 */

const LEVEL: Record<SecuritySeverity, "error" | "warning" | "note"> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note",
};

const SCORE: Record<SecuritySeverity, string> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
  info: "0.0",
};

function rulesOf(findings: SecurityFinding[]): object[] {
  const top = new Map<string, SecurityFinding>();
  for (const finding of findings) {
    const seen = top.get(finding.ruleId);
    if (!seen || riskRank(finding.severity) > riskRank(seen.severity)) top.set(finding.ruleId, finding);
  }
  return [...top.values()].map((finding) => ({
    id: finding.ruleId,
    shortDescription: { text: finding.message },
    defaultConfiguration: { level: LEVEL[finding.severity] },
    properties: { "security-severity": SCORE[finding.severity], tags: ["security"] },
  }));
}

function resultOf(finding: SecurityFinding): object {
  const region = finding.line === null ? {} : { region: { startLine: finding.line } };
  return {
    ruleId: finding.ruleId,
    level: LEVEL[finding.severity],
    message: { text: `${finding.message}: ${finding.evidence}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: finding.path }, ...region } }],
    properties: { severity: finding.severity },
  };
}

export function toSarif(report: SecurityReport, version: string): object {
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "skill-fleet-scan", version, rules: rulesOf(report.findings) } },
        results: report.findings.map(resultOf),
        properties: { risk: report.risk, analysed: report.analysed },
      },
    ],
  };
}
