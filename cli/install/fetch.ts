import { unzipSkill } from "../../server/skills/archive";
import { parseTaxonomyPath } from "../../server/skills/paths";
import { download } from "../commands/library";
import type { CommandContext } from "../context";
import { InstallError } from "./errors";
import type { SkillFiles } from "./content-hash";

/** A library skill at one version, as an install writes it. */
export interface FetchedSkill {
  path: string;
  versionId: string;
  version: number;
  files: SkillFiles;
}

/** A skill path from the command line, checked by the library's own rules (no traversal, no absolute paths). */
export function checkedSkillPath(value: string): string {
  try {
    return parseTaxonomyPath(value);
  } catch (error) {
    throw new InstallError("BAD_SKILL_PATH", error instanceof Error ? error.message : String(error));
  }
}

/** The skill's version facts over tRPC and its bytes as the server's zip, at the latest version or `version`. */
export async function fetchSkill(ctx: CommandContext, skillPath: string, version?: number): Promise<FetchedSkill> {
  const detail = await ctx.client.library.get.query({ path: skillPath, version });
  const number = detail.version.number ?? detail.headVersion;
  // The install gate scans these bytes before writing and honours --allow-risk, so the server's gate is lifted here.
  const { files } = await unzipSkill(await download(ctx, skillPath, { version: number, allowRisk: true }));
  return { path: detail.path, versionId: detail.version.id, version: number, files };
}
