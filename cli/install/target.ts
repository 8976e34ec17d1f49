import fs from "node:fs/promises";
import path from "node:path";
import { InstallError } from "./errors";

/**
 * Checks made before an install writes anything: every existing folder on the way to the target is a folder, and
 * the deepest existing one can be written to. A folder without any write bit counts as read-only even for root
 * (who could write it anyway), so `chmod a-w` is honoured the same way for everyone.
 */
async function statOrNull(target: string) {
  return fs.stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    if (error.code === "ENOTDIR") throw new InstallError("TARGET_IS_FILE", `${target}: a file is in the way`);
    throw error;
  });
}

async function deepestExisting(target: string): Promise<{ dir: string; isDirectory: boolean; mode: number }> {
  let current = path.resolve(target);
  for (;;) {
    const stat = await statOrNull(current);
    if (stat) return { dir: current, isDirectory: stat.isDirectory(), mode: stat.mode };
    const parent = path.dirname(current);
    if (parent === current) throw new InstallError("TARGET_IS_FILE", `${target}: no folder to write into`);
    current = parent;
  }
}

async function isWritable(dir: string, mode: number): Promise<boolean> {
  if ((mode & 0o222) === 0) return false;
  return fs.access(dir, fs.constants.W_OK).then(
    () => true,
    () => false,
  );
}

/** Refuses a skills folder that cannot take a new skill folder: a file in the way, or a read-only folder. */
export async function assertWritableFolder(folder: string): Promise<void> {
  const existing = await deepestExisting(folder);
  if (!existing.isDirectory)
    throw new InstallError("TARGET_IS_FILE", `${existing.dir} is a file, not a folder (nothing was written)`);
  if (!(await isWritable(existing.dir, existing.mode)))
    throw new InstallError("READ_ONLY", `${existing.dir} is read-only (nothing was written)`);
}

/** The skill's own folder: absent, or a folder (a symlink an earlier `--link` install made counts as one). */
export async function assertSkillTarget(target: string): Promise<"absent" | "present"> {
  const stat = await fs.lstat(target).catch(() => null);
  if (!stat) return "absent";
  if (stat.isFile())
    throw new InstallError("TARGET_IS_FILE", `${target} is a file, not a skill folder (nothing was written)`);
  return "present";
}
