import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { riskReaches, type SecurityReport } from "../../contracts/security-report";
import { scanStoredSkill, type StoredSkill } from "../skills/security/snapshot";

/**
 * The serve gate of MCP (docs/security-scan.md, "Gates"): a skill's latest version is scanned as it is served; a
 * high or critical one is not handed to an agent unless the request forces it (`allowRisk: true` on skills/get),
 * and the refusal names the findings.
 */

export type ServedSkill = StoredSkill;

export const snapshotRisk = (snapshot: ServedSkill): SecurityReport => scanStoredSkill(snapshot);

export function riskRefusal(snapshot: ServedSkill, report: SecurityReport): McpError {
  const top = report.findings
    .slice(0, 3)
    .map(
      (finding) => `${finding.severity} [${finding.ruleId}] ${finding.path}${finding.line ? `:${finding.line}` : ""}`,
    );
  return new McpError(
    ErrorCode.InvalidRequest,
    `${snapshot.skill.path} is not served: the security scan rates it ${report.risk} (${top.join("; ")}); skills/get with allowRisk: true serves it anyway`,
  );
}

/** The report, or the refusal thrown when the skill reaches high and the caller did not force it. */
export function assertServable(snapshot: ServedSkill, allowRisk: boolean): SecurityReport {
  const report = snapshotRisk(snapshot);
  if (riskReaches(report.risk, "high") && !allowRisk) throw riskRefusal(snapshot, report);
  return report;
}
