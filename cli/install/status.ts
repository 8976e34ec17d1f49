import path from "node:path";
import { fileData } from "../../server/skills/library/files";
import { diffFileSets } from "../../server/skills/library/diff";
import type { CommandContext } from "../context";
import { scopeRoot, type Places, type Scope } from "./agents";
import { contentHash, readSkillFolder, type SkillFiles } from "./content-hash";
import type { LockEntry } from "./lock";

/**
 * Where an installed skill stands against its lock entry and the library: `modified` (its files no longer hash to
 * what was installed), `outdated` (the library has a newer version), both, `missing` (its folder is gone), or
 * `other-server` (installed from a server other than the one asked).
 */
export interface SkillStatus {
  entry: LockEntry;
  local: SkillFiles | null;
  modified: boolean;
  latest: { versionId: string; version: number } | null;
  otherServer: boolean;
}

export const isOutdated = (status: SkillStatus): boolean =>
  status.latest !== null && status.latest.versionId !== status.entry.versionId;

export async function statusOf(
  ctx: CommandContext,
  entry: LockEntry,
  scope: Scope,
  places: Places,
): Promise<SkillStatus> {
  const folder = path.join(scopeRoot(scope, places), entry.folder);
  const local = await readSkillFolder(folder).catch(() => null);
  const modified = local !== null && contentHash(local) !== entry.contentHash;
  if (entry.server !== ctx.url) return { entry, local, modified, latest: null, otherServer: true };
  const detail = await ctx.client.library.get.query({ path: entry.path });
  const latest = { versionId: detail.version.id, version: detail.version.number ?? detail.headVersion };
  return { entry, local, modified, latest, otherServer: false };
}

export function describeStatus(status: SkillStatus): string {
  const { entry } = status;
  const head = `${entry.name} (${entry.agents.join(", ")}, ${entry.path} v${entry.version})`;
  if (status.otherServer) return `${head}: installed from ${entry.server}; check it with --url ${entry.server}`;
  if (status.local === null) return `${head}: missing (its folder ${entry.folder} is gone)`;
  const notes = [
    ...(isOutdated(status) ? [`outdated: v${status.latest?.version} is the latest`] : []),
    ...(status.modified ? ["modified locally"] : []),
  ];
  return `${head}: ${notes.length ? notes.join(", ") : "up to date"}`;
}

export const needsAttention = (status: SkillStatus): boolean =>
  !status.otherServer && (status.local === null || status.modified || isOutdated(status));

/** The local edits: the installed version's files against the folder's, as unified diffs per file. */
export function localChanges(installed: SkillFiles, local: SkillFiles): string {
  const side = (files: SkillFiles) => [...files].map(([file, bytes]) => fileData(file, bytes));
  return diffFileSets(side(installed), side(local))
    .map((change) => change.patch || `binary ${change.path} ${change.status}\n`)
    .join("");
}
