import os from "node:os";
import path from "node:path";
import { skillIdToName } from "../../server/skills/paths";
import type { CommandContext } from "../context";
import {
  AGENT_IDS,
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
import { entryFor, lockPath, readLock, withEntry, writeLock, type LockEntry, type LockFile } from "../install/lock";
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

/** Where a skill goes and who loads it: one lock entry per folder, whichever agents read that folder. */
export interface Installation {
  /** Relative to the scope's root folder, as the lock records it. */
  folder: string;
  agents: AgentId[];
  mode: LockEntry["mode"];
}

export async function installSkill(
  ctx: CommandContext,
  plan: Pick<InstallPlan, "scope" | "places">,
  skill: FetchedSkill,
  into: Installation,
): Promise<LockEntry> {
  const target = path.join(scopeRoot(plan.scope, plan.places), into.folder);
  if (into.mode === "link") await replaceWithLink(target, storeFolder(plan.places, ctx.url, skill.path), skill.files);
  else await replaceFolder(target, skill.files);
  return {
    name: skillIdToName(skill.path),
    agents: into.agents,
    path: skill.path,
    versionId: skill.versionId,
    version: skill.version,
    contentHash: contentHash(skill.files),
    server: ctx.url,
    folder: into.folder,
    mode: into.mode,
    installedAt: new Date().toISOString(),
  };
}

/** The skill's folder for the plan's agent, relative to the scope's root (agents may share a skills folder). */
function folderOf(plan: InstallPlan, skillPath: string): string {
  const absolute = path.join(skillsFolder(plan.agent, plan.scope, plan.places), skillIdToName(skillPath));
  return path.relative(scopeRoot(plan.scope, plan.places), absolute);
}

/** The same library path from the same server is the same installation, whichever agent installed it. */
const sameSource = (entry: LockEntry, skillPath: string, server: string): boolean =>
  entry.path === skillPath && entry.server === server;

const describeSource = (entry: LockEntry, server: string): string =>
  entry.server === server ? entry.path : `${entry.path} from ${entry.server}`;

function installationFor(plan: InstallPlan, skillPath: string, server: string): Installation {
  const folder = folderOf(plan, skillPath);
  const owner = entryFor(plan.lock, folder);
  const earlier = owner && sameSource(owner, skillPath, server) ? owner.agents : [];
  return { folder, agents: AGENT_IDS.filter((id) => id === plan.agent || earlier.includes(id)), mode: plan.mode };
}

/**
 * A folder already there is replaced only when skill-fleet installed the same library path into it (an update),
 * or with --force: a same-named skill from another path never silently takes another skill's folder.
 */
async function assertTarget(plan: InstallPlan, skillPath: string, server: string, force: boolean): Promise<void> {
  const folder = folderOf(plan, skillPath);
  const target = path.join(scopeRoot(plan.scope, plan.places), folder);
  if ((await assertSkillTarget(target)) === "absent" || force) return;
  const owner = entryFor(plan.lock, folder);
  if (!owner)
    throw new InstallError(
      "TARGET_EXISTS",
      `${target} exists and was not installed by skill-fleet; use --force to replace it`,
    );
  if (!sameSource(owner, skillPath, server))
    throw new InstallError(
      "TARGET_EXISTS",
      `${target} holds ${describeSource(owner, server)} (installed by skill-fleet for ${owner.agents.join(", ")}), ` +
        `not ${skillPath}; use --force to replace it with ${skillPath}`,
    );
}

/** Two paths of one command that would land in the same folder: the second would silently replace the first. */
function assertDistinctFolders(plan: InstallPlan, skillPaths: string[]): void {
  const seen = new Map<string, string>();
  for (const skillPath of skillPaths) {
    const folder = folderOf(plan, skillPath);
    const first = seen.get(folder);
    if (first !== undefined)
      throw new InstallError("TARGET_EXISTS", `${first} and ${skillPath} would both be installed in ${folder}`);
    seen.set(folder, skillPath);
  }
}

async function assertTargets(plan: InstallPlan, skillPaths: string[], server: string, force: boolean): Promise<void> {
  await assertWritableFolder(skillsFolder(plan.agent, plan.scope, plan.places));
  await assertWritableFolder(path.dirname(plan.lockFile));
  assertDistinctFolders(plan, skillPaths);
  for (const skillPath of skillPaths) await assertTarget(plan, skillPath, server, force);
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
  const skillPaths = [...new Set(skills.map(checkedSkillPath))];
  await assertTargets(plan, skillPaths, ctx.url, !!flags.force);
  const fetched = await Promise.all(skillPaths.map((skillPath) => fetchSkill(ctx, skillPath)));
  // Every skill is scanned before the first write: one refused skill leaves every folder and the lock untouched.
  const reports = fetched.map((skill) => assertAcceptableRisk(skill, !!flags.allowRisk));
  let lock = plan.lock;
  for (const [index, skill] of fetched.entries()) {
    const entry = await installSkill(ctx, plan, skill, installationFor(plan, skill.path, ctx.url));
    lock = withEntry(lock, entry);
    const where = path.join(scopeRoot(plan.scope, plan.places), entry.folder);
    const note = reports[index] ? riskNote(reports[index]) : "";
    ctx.term.result(`installed ${skill.path} v${skill.version} for ${entry.agents.join(" and ")} in ${where}${note}`);
  }
  await writeLock(plan.lockFile, lock);
  return 0;
}
