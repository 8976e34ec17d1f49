import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { listTree } from "../../server/skills/fs-tree";

/**
 * One hash for a skill's files: sha256 over its sorted `path NUL sha256(bytes)` lines. The same files give the
 * same hash whether they came from the server or are read back from disk, so a local edit shows as a new hash.
 */
export type SkillFiles = Map<string, Uint8Array>;

const sha256 = (bytes: Uint8Array | string): string => createHash("sha256").update(bytes).digest("hex");

export function contentHash(files: SkillFiles): string {
  const lines = [...files].map(([file, bytes]) => `${file}\0${sha256(bytes)}\n`).sort();
  return `sha256:${sha256(lines.join(""))}`;
}

/** The files of an installed skill folder (hidden files are not part of a skill, as everywhere else). */
export async function readSkillFolder(dir: string): Promise<SkillFiles> {
  const listing = await listTree(dir);
  const entries = await Promise.all(
    listing.files.map(async (file) => [file.relative, new Uint8Array(await fs.readFile(file.absolute))] as const),
  );
  return new Map(entries);
}
