import path from "node:path";
import { riskReaches } from "../../contracts/security-report";
import type { CommandContext } from "../context";
import { parseScope, scopeRoot } from "../install/agents";
import { InstallError } from "../install/errors";
import { fetchSkill } from "../install/fetch";
import { refusal, riskNote, scanFetched } from "../install/risk-gate";
import { lockPath, readLock, withEntry, writeLock, type LockEntry, type LockFile } from "../install/lock";
import { assertWritableFolder } from "../install/target";
import {
  describeStatus,
  isOutdated,
  localChanges,
  needsAttention,
  statusOf,
  type SkillStatus,
} from "../install/status";
import { installSkill, placesFrom, type InstallPlan } from "./install";

/**
 * `skill-fleet check` and `skill-fleet update` over a scope's skills-lock.json (docs/distribution.md). `check`
 * exits 1 when anything is outdated, modified or missing. `update` re-installs what is outdated or missing; a
 * locally modified skill is left alone and its local changes are shown, unless `--force`.
 */
export interface SyncFlags {
  scope: string;
  project?: string;
  json?: boolean;
  force?: boolean;
  /** Update even to a version the security scan rates high or critical. */
  allowRisk?: boolean;
}

async function loadStatuses(ctx: CommandContext, flags: SyncFlags, names: string[] = []) {
  const scope = parseScope(flags.scope);
  const places = placesFrom(flags.project);
  const lockFile = lockPath(scope, places);
  const lock = await readLock(lockFile);
  const unknown = names.filter((name) => !lock.skills.some((entry) => entry.name === name || entry.path === name));
  if (unknown.length) throw new InstallError("NOT_INSTALLED", `not in ${lockFile}: ${unknown.join(", ")}`);
  const chosen = lock.skills.filter(
    (entry) => !names.length || names.includes(entry.name) || names.includes(entry.path),
  );
  const statuses = await Promise.all(chosen.map((entry) => statusOf(ctx, entry, scope, places)));
  return { scope, places, lockFile, lock, statuses };
}

export async function checkCommand(ctx: CommandContext, flags: SyncFlags): Promise<number> {
  const { statuses } = await loadStatuses(ctx, flags);
  if (flags.json)
    ctx.term.result(
      JSON.stringify(
        statuses.map((s) => ({
          ...s.entry,
          modified: s.modified,
          missing: s.local === null,
          outdated: isOutdated(s),
          latest: s.latest,
        })),
        null,
        2,
      ),
    );
  else for (const status of statuses) ctx.term.result(describeStatus(status));
  if (!statuses.length && !flags.json) ctx.term.result("no skills installed in this scope");
  return statuses.some(needsAttention) ? 1 : 0;
}

/** Shows what the user changed since the install, instead of overwriting it. */
async function refuseModified(ctx: CommandContext, status: SkillStatus): Promise<void> {
  const installed = await fetchSkill(ctx, status.entry.path, status.entry.version);
  ctx.term.result(`${status.entry.name}: modified locally; not updated (use --force to overwrite). Local changes:`);
  ctx.term.result(localChanges(installed.files, status.local ?? new Map()));
}

/** The new version is scanned first: a version rated high or critical is not written unless --allow-risk. */
async function updateOne(
  ctx: CommandContext,
  plan: InstallPlan,
  status: SkillStatus,
  allowRisk: boolean,
): Promise<LockEntry | null> {
  const { folder, agents, mode } = status.entry;
  const skill = await fetchSkill(ctx, status.entry.path);
  const report = scanFetched(skill);
  if (riskReaches(report.risk, "high") && !allowRisk) {
    ctx.term.result(`${status.entry.name}: ${refusal(skill, report)}`);
    return null;
  }
  const entry = await installSkill(ctx, plan, skill, { folder, agents, mode });
  ctx.term.result(`${entry.name}: updated to ${entry.path} v${entry.version}${riskNote(report)}`);
  return entry;
}

/** An update writes only where install could: checked for every skill it will touch before the first write. */
async function assertWritable(plan: InstallPlan, statuses: SkillStatus[]): Promise<void> {
  await assertWritableFolder(path.dirname(plan.lockFile));
  for (const status of statuses)
    await assertWritableFolder(path.dirname(path.join(scopeRoot(plan.scope, plan.places), status.entry.folder)));
}

export async function updateCommand(ctx: CommandContext, names: string[], flags: SyncFlags): Promise<number> {
  const { scope, places, lockFile, lock, statuses } = await loadStatuses(ctx, flags, names);
  const plan: InstallPlan = { agent: "generic", scope, places, lockFile, lock, mode: "copy" };
  const pending = statuses.filter(needsAttention);
  await assertWritable(
    plan,
    pending.filter((status) => !status.modified || flags.force),
  );
  let next: LockFile = lock;
  let refused = 0;
  for (const status of pending) {
    if (status.modified && !flags.force) {
      await refuseModified(ctx, status);
      refused += 1;
      continue;
    }
    const entry = await updateOne(ctx, plan, status, !!flags.allowRisk);
    if (entry) next = withEntry(next, entry);
    else refused += 1;
  }
  if (next !== lock) await writeLock(lockFile, next);
  if (!pending.length) ctx.term.result("everything is up to date");
  return refused ? 1 : 0;
}
