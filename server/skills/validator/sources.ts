import fs from "node:fs/promises";
import path from "node:path";
import { badRequest, notFound } from "../../common/errors";
import { unzipSkill } from "../archive";
import { listTree } from "../fs-tree";
import { buildContext, decodeFile, MAX_READ_BYTES, textFile } from "./context";
import { splitFileKeys } from "./file-keys";
import type { SkillContext, SkillFile } from "./types";

/** Turns each input form (file map, folder on disk, zip) into the shared SkillContext. */

/** A folder's files keyed from inside it or under one folder (./file-keys.ts); `folderName` names the former. */
export function contextFromFiles(files: Record<string, string>, threshold?: number, folderName?: string): SkillContext {
  const keys = Object.keys(files);
  if (keys.length === 0) throw badRequest("No files to validate");
  const { folder, inner } = splitFileKeys(keys, folderName);
  const map = new Map<string, SkillFile>();
  const dirs: string[] = [];
  keys.forEach((key, index) => {
    const relative = inner[index] ?? "";
    if (relative === "" || relative.endsWith("/")) {
      if (relative !== "") dirs.push(relative.slice(0, -1));
    } else map.set(relative, textFile(files[key] ?? ""));
  });
  return buildContext({ folder, hasFolder: true, files: map, dirs, threshold });
}

export async function contextFromDirectory(dir: string, threshold?: number): Promise<SkillContext> {
  const absolute = path.resolve(/*turbopackIgnore: true*/ dir);
  const stat = await fs.lstat(/*turbopackIgnore: true*/ absolute).catch(() => null);
  if (!stat) throw notFound(`Skill folder not found: ${path.basename(absolute)}`);
  if (stat.isSymbolicLink() || !stat.isDirectory())
    throw badRequest(`${path.basename(absolute)} is not a folder (symlinks are not followed)`);
  const listing = await listTree(absolute);
  const files = new Map<string, SkillFile>();
  for (const file of listing.files) {
    const content =
      file.size <= MAX_READ_BYTES
        ? decodeFile(await fs.readFile(/*turbopackIgnore: true*/ file.absolute))
        : { text: null, size: file.size };
    files.set(file.relative, content);
  }
  return buildContext({
    folder: path.basename(absolute),
    hasFolder: true,
    files,
    dirs: listing.dirs,
    symlinks: listing.symlinks,
    threshold,
  });
}

/** A skill's files as bytes (a stored version, an unpacked zip): text when it decodes as UTF-8, else binary. */
export function contextFromBytes(
  folder: string | null,
  files: Map<string, Uint8Array>,
  dirs: string[] = [],
  threshold?: number,
): SkillContext {
  const map = new Map<string, SkillFile>();
  for (const [relative, bytes] of files)
    map.set(relative, bytes.byteLength <= MAX_READ_BYTES ? decodeFile(bytes) : { text: null, size: bytes.byteLength });
  return buildContext({ folder, hasFolder: true, files: map, dirs, threshold });
}

export async function contextFromZip(zip: Uint8Array, threshold?: number): Promise<SkillContext> {
  const { folder, files, dirs } = await unzipSkill(zip);
  return contextFromBytes(folder, files, dirs, threshold);
}
