import fs from "node:fs/promises";
import path from "node:path";
import { badRequest } from "../common/errors";

/**
 * Walks a skill folder without following symlinks (they are reported, never entered or read) and without
 * hidden entries (.git, .DS_Store). Shared by the validator, the library and the archive so all three see the
 * same files.
 */

export const MAX_TREE_ENTRIES = 5_000;

export interface TreeListing {
  files: { relative: string; absolute: string; size: number }[];
  dirs: string[];
  symlinks: string[];
}

async function walk(root: string, relative: string, listing: TreeListing): Promise<void> {
  const entries = await fs.readdir(/*turbopackIgnore: true*/ path.join(root, relative), { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".")) continue;
    if (listing.files.length + listing.dirs.length >= MAX_TREE_ENTRIES)
      throw badRequest(`The skill folder has more than ${MAX_TREE_ENTRIES} entries`);
    const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
    const absolute = path.join(root, child);
    if (entry.isSymbolicLink()) listing.symlinks.push(child);
    else if (entry.isDirectory()) {
      listing.dirs.push(child);
      await walk(root, child, listing);
    } else if (entry.isFile()) {
      const stat = await fs.stat(/*turbopackIgnore: true*/ absolute);
      listing.files.push({ relative: child, absolute, size: stat.size });
    }
  }
}

export async function listTree(dir: string): Promise<TreeListing> {
  const listing: TreeListing = { files: [], dirs: [], symlinks: [] };
  await walk(dir, "", listing);
  return listing;
}

export async function pathExists(target: string): Promise<boolean> {
  return fs.lstat(/*turbopackIgnore: true*/ target).then(
    () => true,
    () => false,
  );
}
