import { z } from "zod";

/**
 * The security scan's report as every client sees it (`skill-fleet scan --json`, `skills.scan`, the `security`
 * section of a validation report). Pure schemas, browser-safe. `risk` is the highest severity of the findings;
 * `analysed: false` means part of the skill could not be read (too large, or a model pass failed): never "clean".
 */

export const SECURITY_SEVERITIES = ["info", "low", "medium", "high", "critical"] as const;
export type SecuritySeverity = (typeof SECURITY_SEVERITIES)[number];

export const RISK_LEVELS = ["none", "low", "medium", "high", "critical"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const securityFindingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(SECURITY_SEVERITIES),
  message: z.string(),
  path: z.string(),
  line: z.number().int().positive().nullable(),
  evidence: z.string(),
});
export type SecurityFinding = z.infer<typeof securityFindingSchema>;

export const securityReportSchema = z.object({
  risk: z.enum(RISK_LEVELS),
  analysed: z.boolean(),
  findings: z.array(securityFindingSchema),
});
export type SecurityReport = z.infer<typeof securityReportSchema>;

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
