import type { z } from "zod";
import type { SkillWithHead, VersionRecord } from "../../../skills/library/index";
import { riskRaise, type VersionRiskCache } from "../../../skills/security/version-risks";
import type { listedWithRiskSchema, versionWithRiskSchema } from "./schemas";
import { listedView, versionView } from "./views";

/** The library's list and history with each version's scan, read through the per-version cache. */

export async function listedWithRisk(
  risks: VersionRiskCache,
  skill: SkillWithHead,
): Promise<z.infer<typeof listedWithRiskSchema>> {
  const report = skill.head && (await risks.report(skill.path, skill.head.id));
  return { ...listedView(skill), security: report && { risk: report.risk, analysed: report.analysed } };
}

/** `versions` newest first, as the repository lists them: each one is compared with the next (older) one. */
export async function versionsWithRisk(
  risks: VersionRiskCache,
  path: string,
  versions: VersionRecord[],
): Promise<z.infer<typeof versionWithRiskSchema>[]> {
  const reports = await Promise.all(versions.map((version) => risks.report(path, version.id)));
  return versions.map((version, i) => {
    const security = reports[i] ?? { risk: "none", analysed: false, findings: [] };
    const before = reports[i + 1];
    return { ...versionView(version), security, riskRaised: before ? riskRaise(before, security) : null };
  });
}
