import { riskReaches, type RiskLevel, type SecurityReport } from "../../contracts/security-report";
import { scanSkill } from "../../server/skills/security/index";
import { scanInputFromPath } from "../../server/skills/security/sources";
import type { CommandContext } from "../context";
import { CliError } from "../errors";
import { printSecurity } from "../render";
import { toSarif } from "../sarif";

export interface ScanFlags {
  json?: boolean;
  sarif?: boolean;
  failOn: RiskLevel;
}

/** The scan is pure and local (docs/security-scan.md): the skill is never sent anywhere to be checked. */
async function scanPath(target: string): Promise<SecurityReport> {
  try {
    return scanSkill(await scanInputFromPath(target));
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), 2);
  }
}

/**
 * Exit 1 when the risk reaches `--fail-on` (default high) or the skill could not be fully analysed (a part of it
 * unread is never reported clean), 0 otherwise, 2 when the path cannot be read.
 */
export async function scanCommand(
  ctx: CommandContext,
  target: string,
  flags: ScanFlags,
  version: string,
): Promise<number> {
  const report = await scanPath(target);
  if (flags.sarif) ctx.term.result(JSON.stringify(toSarif(report, version), null, 2));
  else if (flags.json) ctx.term.result(JSON.stringify(report, null, 2));
  else printSecurity(ctx.term, report);
  return riskReaches(report.risk, flags.failOn) || !report.analysed ? 1 : 0;
}
