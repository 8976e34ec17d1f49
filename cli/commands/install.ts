import os from "node:os";
import path from "node:path";
import { skillIdToName } from "../../server/skills/paths";
import type { CommandContext } from "../context";
import {
  parseAgent,
  parseScope,
  scopeRoot,
  skillsFolder,
  type AgentId,
  type Places,
  type Scope,
} from "../install/agents";
import { contentHash } from "../install/content-hash";
import { InstallError } from "../install/errors";
import { checkedSkillPath, fetchSkill, type FetchedSkill } from "../install/fetch";
import { lockPath, readLock, withEntry, writeLock, type LockEntry, type LockFile } from "../install/lock";
import { assertSkillTarget, assertWritableFolder } from "../install/target";
import { assertAcceptableRisk, riskNote } from "../install/risk-gate";
import { replaceFolder, replaceWithLink } from "../install/write";

/**
 * `skill-fleet install <skill…> --agent <id> --scope project|user [--link]`: library skills into an agent's skills
 * folder, recorded in skills-lock.json (docs/distribution.md). Everything that can be refused is refused before
 * the first write: the agent, the paths, the lock file, the target folders, then every skill is fetched.
 */
export interface InstallFlags {
  agent: string;
  scope: string;
  link?: boolean;
  force?: boolean;
  project?: string;
  /** Install even when the security scan rates a skill high or critical. */
  allowRisk?: boolean;
}

export interface InstallPlan {
  agent: AgentId;
  scope: Scope;
  places: Places;
  lockFile: string;
  lock: LockFile;
  mode: LockEntry["mode"];
}

export function placesFrom(project?: string): Places {
  return { project: path.resolve(project ?? "."), home: os.homedir() };
}

/** Where `--link` keeps the one copy the agents' folders point to: per server, per skill path. */
export function storeFolder(places: Places, server: string, skillPath: string): string {
  const host = new URL(server).host.replace(/[^A-Za-z0-9.-]/g, "_");
  return path.join(places.home, ".skill-fleet", "store", host, ...skillPath.split("/"));
}

export async function installSkill(ctx: CommandContext, plan: InstallPlan, skill: FetchedSkill): Promise<LockEntry> {
  const name = skillIdToName(skill.path);
  const root = scopeRoot(plan.scope, plan.places);
  const target = path.join(skillsFolder(plan.agent, plan.scope, plan.places), name);
  if (plan.mode === "link") await replaceWithLink(target, storeFolder(plan.places, ctx.url, skill.path), skill.files);
  else await replaceFolder(target, skill.files);
  return {
    name,
    agent: plan.agent,
    path: skill.path,
    versionId: skill.versionId,
    version: skill.version,
    contentHash: contentHash(skill.files),
    server: ctx.url,
    folder: path.relative(root, target),
    mode: plan.mode,
    installedAt: new Date().toISOString(),
  };
}

/** A folder already there is replaced only when this lock installed it, or with --force. */
async function assertTargets(plan: InstallPlan, skillPaths: string[], force: boolean): Promise<void> {
  const folder = skillsFolder(plan.agent, plan.scope, plan.places);
  await assertWritableFolder(folder);
  await assertWritableFolder(path.dirname(plan.lockFile));
  for (const skillPath of skillPaths) {
    const name = skillIdToName(skillPath);
    const state = await assertSkillTarget(path.join(folder, name));
    const ours = plan.lock.skills.some((entry) => entry.agent === plan.agent && entry.name === name);
    if (state === "present" && !ours && !force)
      throw new InstallError(
        "TARGET_EXISTS",
        `${path.join(folder, name)} exists and was not installed by skill-fleet; use --force to replace it`,
      );
  }
}

async function planFrom(flags: InstallFlags): Promise<InstallPlan> {
  const agent = parseAgent(flags.agent);
  const scope = parseScope(flags.scope);
  const places = placesFrom(flags.project);
  const lockFile = lockPath(scope, places);
  return { agent, scope, places, lockFile, lock: await readLock(lockFile), mode: flags.link ? "link" : "copy" };
}

export async function installCommand(ctx: CommandContext, skills: string[], flags: InstallFlags): Promise<number> {
  const plan = await planFrom(flags);
  const skillPaths = skills.map(checkedSkillPath);
  await assertTargets(plan, skillPaths, !!flags.force);
  const fetched = await Promise.all(skillPaths.map((skillPath) => fetchSkill(ctx, skillPath)));
  // Every skill is scanned before the first write: one refused skill leaves every folder and the lock untouched.
  const reports = fetched.map((skill) => assertAcceptableRisk(skill, !!flags.allowRisk));
  let lock = plan.lock;
  for (const [index, skill] of fetched.entries()) {
    const entry = await installSkill(ctx, plan, skill);
    lock = withEntry(lock, entry);
    const note = reports[index] ? riskNote(reports[index]) : "";
    ctx.term.result(
      `installed ${skill.path} v${skill.version} for ${plan.agent} in ${path.join(scopeRoot(plan.scope, plan.places), entry.folder)}${note}`,
    );
  }
  await writeLock(plan.lockFile, lock);
  return 0;
}
