/**
 * Severities and risk levels with their order, free of zod: the pages that show a risk badge import this, not the
 * report's schemas (docs/performance.md, the job page's JavaScript budget).
 */
export const SECURITY_SEVERITIES = ["info", "low", "medium", "high", "critical"] as const;
export type SecuritySeverity = (typeof SECURITY_SEVERITIES)[number];

export const RISK_LEVELS = ["none", "low", "medium", "high", "critical"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Rank used to compare severities and risks: `none` < `info` = 0 … `critical` = 4. */
export function riskRank(level: RiskLevel | SecuritySeverity): number {
  if (level === "none" || level === "info") return 0;
  return RISK_LEVELS.indexOf(level);
}

/** The risk of a set of findings: the highest severity, `info` counting as nothing. */
export function riskOf(findings: readonly { severity: SecuritySeverity }[]): RiskLevel {
  const top = findings.reduce((best, finding) => Math.max(best, riskRank(finding.severity)), 0);
  return RISK_LEVELS[top] ?? "none";
}

/** True when `risk` reaches `threshold` (`--fail-on high` fails on high and critical). */
export function riskReaches(risk: RiskLevel, threshold: RiskLevel): boolean {
  return riskRank(risk) >= riskRank(threshold) && riskRank(risk) > 0;
}
