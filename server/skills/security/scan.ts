import { riskOf, riskRank, type SecurityFinding, type SecurityReport } from "../../../contracts/security-report";
import { destructiveRules } from "./rules/destructive";
import { exfiltrationRules } from "./rules/exfiltration";
import { folderRules } from "./rules/folder";
import { unicodeRules } from "./rules/hidden-unicode";
import { injectionRules } from "./rules/injection";
import { overReachRules } from "./rules/over-reach";
import { persistenceRules } from "./rules/persistence";
import { remoteExecRules } from "./rules/remote-exec";
import { supplyChainRules } from "./rules/supply-chain";
import type { RuleHit, ScanInput, SecurityRule } from "./types";
import { buildView } from "./view";

/** The deterministic scan: every rule over one parsed view; the risk is the highest severity found. */

export const SECURITY_RULES: readonly SecurityRule[] = [
  ...injectionRules,
  ...unicodeRules,
  ...exfiltrationRules,
  ...remoteExecRules,
  ...persistenceRules,
  ...overReachRules,
  ...supplyChainRules,
  ...destructiveRules,
  ...folderRules,
];

function displayPath(input: ScanInput, file: string): string {
  return input.hasFolder && input.folder !== null ? `${input.folder}/${file}` : file;
}

function toFinding(input: ScanInput, rule: SecurityRule, hit: RuleHit): SecurityFinding {
  return {
    ruleId: rule.id,
    severity: hit.severity,
    message: hit.message,
    path: displayPath(input, hit.file),
    line: hit.line,
    evidence: hit.evidence,
  };
}

/** Most severe first, then by file and line, so the first finding is the reason for the risk. */
function byRisk(a: SecurityFinding, b: SecurityFinding): number {
  const severity =
    riskRank(b.severity) - riskRank(a.severity) || (a.severity === "info" ? 1 : 0) - (b.severity === "info" ? 1 : 0);
  return severity || a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0) || a.ruleId.localeCompare(b.ruleId);
}

/**
 * A report with more findings (the model judge's): only ever adds, so a deterministic high or critical stays; the
 * risk is recomputed over everything, and `analysed` can only turn false.
 */
export function addFindings(report: SecurityReport, extra: SecurityFinding[], analysed: boolean): SecurityReport {
  const findings = [...report.findings, ...extra].sort(byRisk);
  return { risk: riskOf(findings), analysed: report.analysed && analysed, findings };
}

export function scanSkill(input: ScanInput, rules: readonly SecurityRule[] = SECURITY_RULES): SecurityReport {
  const view = buildView(input);
  const findings = rules.flatMap((rule) => rule.check(view).map((hit) => toFinding(input, rule, hit)));
  findings.sort(byRisk);
  return { risk: riskOf(findings), analysed: view.unread.length === 0, findings };
}
