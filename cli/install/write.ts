import fs from "node:fs/promises";
import path from "node:path";
import { safePath } from "../../server/skills/paths";
import type { SkillFiles } from "./content-hash";

/**
 * Writing a skill folder: the files go to a fresh folder beside the target first, and only a complete folder is
 * moved into place, so an interrupted install never leaves half a skill where the agent looks.
 */
async function writeFresh(dir: string, files: SkillFiles): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  for (const [relative, bytes] of files) {
    // Entry names were checked when the zip was read; safePath also refuses a symlink planted on the way.
    const file = await safePath(dir, ...relative.split("/"));
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, bytes, { flag: "wx" });
  }
}

/** Replaces `target` (a folder or a symlink, or nothing) with a folder holding exactly `files`. */
export async function replaceFolder(target: string, files: SkillFiles): Promise<void> {
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.installing-${process.pid}`);
  await writeFresh(staging, files);
  await fs.rm(target, { recursive: true, force: true });
  await fs.rename(staging, target);
}

/** `--link`: the files live once in `store`, and `target` is a symlink to them. */
export async function replaceWithLink(target: string, store: string, files: SkillFiles): Promise<void> {
  await replaceFolder(store, files);
  await fs.rm(target, { recursive: true, force: true });
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.symlink(store, target, "dir");
}
