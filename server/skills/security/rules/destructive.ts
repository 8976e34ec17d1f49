import type { SecuritySeverity } from "../../../../contracts/security-report";
import { cap, confirmationNear } from "../context";
import type { SecurityRule } from "../types";
import { defaultAdjust, type LineContext, lineRule } from "./line-rule";

/**
 * Destructive commands presented as routine. `rm -rf node_modules` inside the project is housekeeping; deleting
 * the home folder, force-pushing the default branch or dropping production data is not, unless the user is asked.
 */

const FAMILY = "destructive";

const RM_COMMAND = /\brm\s+([^;&|\n`)]*)/g;
/** Targets outside any project: the root, the home folder, parents, system folders. `rm -rf dist` is not here. */
const OUTSIDE_TARGET =
  /^(\/\*?|~\/?\*?|\$HOME\/?\*?|\$\{HOME\}\/?\*?|(\.\.\/?)+\*?|\/(home|Users|etc|var|usr|opt|root|bin|lib|boot)\/?\*?)$/;

/** The first argument of a recursive `rm` on the line that leaves the project, or null. */
function rmOutside(text: string): string | null {
  for (const match of text.matchAll(RM_COMMAND)) {
    const args = (match[1] ?? "").split(/\s+/).filter(Boolean);
    const recursive = args.some((arg) => /^-[a-zA-Z]*[rR]/.test(arg) || arg === "--recursive");
    if (!recursive) continue;
    const targets = args.filter((arg) => !arg.startsWith("-")).map((arg) => arg.replace(/^["']|["']$/g, ""));
    const outside = targets.find((target) => OUTSIDE_TARGET.test(target));
    if (outside !== undefined) return outside;
  }
  return null;
}

const DELETE_OUTSIDE =
  /(shutil\.rmtree\(\s*(os\.path\.expanduser\(\s*["']~["']\s*\)|["']\/["']|Path\.home\(\))|Remove-Item\s+[^\n]*-Recurse[^\n]*\s(C:\\\\?|~|\$HOME|\$env:USERPROFILE)(\s|$)|\bdel\s+\/s\s+\/q\s+C:\\)/i;

const FORCE_PUSH = /\bgit\s+push\b(?![^\n]*--force-with-lease)[^\n]*(\s--force\b|\s-f\b|\s\+[\w/-]+)/i;

function forcePushAdjust(ctx: LineContext, severity: SecuritySeverity): SecuritySeverity | null {
  const adjusted = defaultAdjust(ctx, severity);
  if (adjusted === null || adjusted === "low") return adjusted;
  const defaultBranch = /\b(main|master|trunk|develop|production|release)\b/i.test(ctx.line.text);
  const base: SecuritySeverity = defaultBranch ? adjusted : "medium";
  return confirmationNear(ctx.file, ctx.line) ? cap(base, "medium") : base;
}

function confirmAdjust(ctx: LineContext, severity: SecuritySeverity): SecuritySeverity | null {
  const adjusted = defaultAdjust(ctx, severity);
  if (adjusted === null) return null;
  return confirmationNear(ctx.file, ctx.line) ? cap(adjusted, "medium") : adjusted;
}

const DATA_DROP =
  /(\bDROP\s+(DATABASE|SCHEMA|TABLE)\b|\bTRUNCATE\s+(TABLE\s+)?\w|\bFLUSHALL\b|\bdropDatabase\(|\bterraform\s+destroy\b|\bkubectl\s+delete\s+(ns|namespace|pvc|--all)\b|\bDELETE\s+FROM\s+\w+\s*;)/i;

/** Dropping data matters when it is production data and nobody is asked. */
function dataAdjust(ctx: LineContext, severity: SecuritySeverity): SecuritySeverity | null {
  const adjusted = confirmAdjust(ctx, severity);
  if (adjusted === null) return null;
  return /(^|[^a-z])(prod|production|live)([^a-z]|$)/i.test(`${ctx.line.text} ${ctx.line.section}`)
    ? adjusted
    : cap(adjusted, "low");
}

const DISK =
  /(\bmkfs(\.\w+)?\s+\/dev\/|\bdd\s+[^\n]*of=\/dev\/(sd|nvme|disk|hd)|:\(\)\s*\{\s*:\|:&\s*\};:|\bchmod\s+-R\s+777\s+\/(\s|$)|\bchown\s+-R\s+\S+\s+\/(\s|$)|\bformat\s+C:)/i;

export const destructiveRules: readonly SecurityRule[] = [
  lineRule({
    id: "SEC-DES-001",
    family: FAMILY,
    pattern: /\brm\s+-/,
    severity: "high",
    message: "Recursively deletes outside the project (root, home, parent folders)",
    adjust: (ctx, severity) => (rmOutside(ctx.line.text) === null ? null : confirmAdjust(ctx, severity)),
  }),
  lineRule({
    id: "SEC-DES-001",
    family: FAMILY,
    pattern: DELETE_OUTSIDE,
    severity: "high",
    message: "Recursively deletes outside the project (root, home, parent folders)",
    adjust: confirmAdjust,
  }),
  lineRule({
    id: "SEC-DES-002",
    family: FAMILY,
    pattern: FORCE_PUSH,
    severity: "high",
    message: "Force-pushes (without --force-with-lease), rewriting shared history",
    adjust: forcePushAdjust,
  }),
  lineRule({
    id: "SEC-DES-003",
    family: FAMILY,
    pattern: DATA_DROP,
    severity: "high",
    message: "Drops or wipes data; against production without a confirmation step it is unrecoverable",
    adjust: dataAdjust,
  }),
  lineRule({
    id: "SEC-DES-004",
    family: FAMILY,
    pattern: DISK,
    severity: "high",
    message: "Destroys a disk or the whole system's files or permissions",
    adjust: confirmAdjust,
  }),
];
