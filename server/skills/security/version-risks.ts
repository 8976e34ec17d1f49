import { LRUCache } from "lru-cache";
import {
  riskRank,
  type RiskLevel,
  type SecurityFinding,
  type SecurityReport,
} from "../../../contracts/security-report";
import { scanStoredSkill, type StoredSkill } from "./snapshot";

/**
 * Scans of stored versions for the library's list and history, at read time. Versions are immutable, so a scan keyed
 * by version id never goes stale: a small LRU makes a list of a big library cost one scan per version ever read (per
 * server), without a column and a migration to keep in step with the rules. A restart or a rule change rescans.
 */
export class VersionRiskCache {
  private readonly scans: LRUCache<string, SecurityReport>;

  constructor(
    private readonly load: (versionId: string) => Promise<StoredSkill["files"]>,
    max = 2_000,
  ) {
    this.scans = new LRUCache({ max });
  }

  /** The scan of one version of the skill at `skillPath` (the path names the folder in the findings). */
  async report(skillPath: string, versionId: string): Promise<SecurityReport> {
    const cached = this.scans.get(versionId);
    if (cached) return cached;
    const report = scanStoredSkill({ skill: { path: skillPath }, files: await this.load(versionId) });
    this.scans.set(versionId, report);
    return report;
  }
}

export interface RiskRaise {
  from: RiskLevel;
  to: RiskLevel;
  /** Findings of the newer version the older one did not have (matched by rule, file and evidence, not line). */
  newFindings: SecurityFinding[];
}

const findingKey = (finding: SecurityFinding): string =>
  `${finding.ruleId}\u0000${finding.path}\u0000${finding.evidence}`;

/** How `after` raised the risk of `before`, or null when it did not. */
export function riskRaise(before: SecurityReport, after: SecurityReport): RiskRaise | null {
  if (riskRank(after.risk) <= riskRank(before.risk)) return null;
  const known = new Set(before.findings.map(findingKey));
  const newFindings = after.findings.filter((finding) => !known.has(findingKey(finding)));
  return { from: before.risk, to: after.risk, newFindings };
}
