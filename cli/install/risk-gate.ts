import { riskReaches, type SecurityReport } from "../../contracts/security-report";
import { skillIdToName } from "../../server/skills/paths";
import { scanSkill } from "../../server/skills/security/index";
import { scanInputFromBytes } from "../../server/skills/security/sources";
import { InstallError } from "./errors";
import type { FetchedSkill } from "./fetch";

/**
 * The install gate (docs/security-scan.md, "Gates"): every fetched skill is scanned here, on the bytes about to be
 * written, so what is checked is what is installed. High or critical is refused unless `--allow-risk`, and the
 * refusal names the findings.
 */

export function scanFetched(skill: FetchedSkill): SecurityReport {
  return scanSkill(scanInputFromBytes(skillIdToName(skill.path), skill.files));
}

export function refusal(skill: FetchedSkill, report: SecurityReport): string {
  const top = report.findings
    .filter((finding) => riskReaches(finding.severity === "info" ? "none" : finding.severity, "high"))
    .slice(0, 5)
    .map(
      (finding) =>
        `  ${finding.severity} [${finding.ruleId}] ${finding.path}${finding.line ? `:${finding.line}` : ""}  ${finding.message}`,
    );
  return [
    `${skill.path} v${skill.version}: the security scan rates it ${report.risk}; not installed (--allow-risk installs it anyway)`,
    ...top,
  ].join("\n");
}

/** Throws before anything is written when a skill reaches high and the user did not allow it. */
export function assertAcceptableRisk(skill: FetchedSkill, allowRisk: boolean): SecurityReport {
  const report = scanFetched(skill);
  if (riskReaches(report.risk, "high") && !allowRisk) throw new InstallError("RISKY_SKILL", refusal(skill, report));
  return report;
}

export function riskNote(report: SecurityReport): string {
  return ` · security risk ${report.risk}${report.analysed ? "" : " (not fully analysed)"}`;
}
