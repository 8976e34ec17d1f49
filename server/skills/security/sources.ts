import fs from "node:fs/promises";
import path from "node:path";
import { badRequest, notFound } from "../../common/errors";
import { unzipSkill } from "../archive";
import { listTree } from "../fs-tree";
import { decodeFile, MAX_READ_BYTES } from "../validator/context";
import type { ScanFile, ScanInput } from "./types";

/**
 * The three forms a skill arrives in (folder, zip, lone SKILL.md), read the way the validator reads them
 * (hidden entries skipped, symlinks listed and never followed, files over 2 MiB only counted), then scanned in memory.
 */

export function scanInputFromBytes(folder: string | null, files: Map<string, Uint8Array>): ScanInput {
  const map = new Map<string, ScanFile>();
  for (const [relative, bytes] of files)
    map.set(relative, bytes.byteLength <= MAX_READ_BYTES ? decodeFile(bytes) : { text: null, size: bytes.byteLength });
  return { folder, hasFolder: true, files: map, symlinks: [] };
}

export async function scanInputFromDirectory(dir: string): Promise<ScanInput> {
  const absolute = path.resolve(/*turbopackIgnore: true*/ dir);
  const stat = await fs.lstat(/*turbopackIgnore: true*/ absolute).catch(() => null);
  if (!stat) throw notFound(`Skill folder not found: ${path.basename(absolute)}`);
  if (!stat.isDirectory()) throw badRequest(`${path.basename(absolute)} is not a folder`);
  const listing = await listTree(absolute);
  const files = new Map<string, ScanFile>();
  for (const file of listing.files) {
    const content =
      file.size <= MAX_READ_BYTES
        ? decodeFile(await fs.readFile(/*turbopackIgnore: true*/ file.absolute))
        : { text: null, size: file.size };
    files.set(file.relative, content);
  }
  return { folder: path.basename(absolute), hasFolder: true, files, symlinks: listing.symlinks };
}

export async function scanInputFromZip(zip: Uint8Array): Promise<ScanInput> {
  const { folder, files } = await unzipSkill(zip);
  return scanInputFromBytes(folder, files);
}

/** A pasted SKILL.md: no folder, so folder-level rules have nothing to look at. */
export function scanInputFromContent(content: string): ScanInput {
  const files = new Map<string, ScanFile>([["SKILL.md", { text: content, size: Buffer.byteLength(content) }]]);
  return { folder: null, hasFolder: false, files, symlinks: [] };
}

/** A path on disk: a folder, a .zip, or a single SKILL.md. */
export async function scanInputFromPath(target: string): Promise<ScanInput> {
  const absolute = path.resolve(/*turbopackIgnore: true*/ target);
  const stat = await fs.stat(/*turbopackIgnore: true*/ absolute).catch(() => null);
  if (!stat) throw notFound(`No such file or folder: ${target}`);
  if (stat.isDirectory()) return scanInputFromDirectory(absolute);
  const bytes = new Uint8Array(await fs.readFile(/*turbopackIgnore: true*/ absolute));
  if (/\.zip$/i.test(absolute)) return scanInputFromZip(bytes);
  const { text } = decodeFile(bytes);
  if (text === null) throw badRequest(`${target} is not a text file (scan a SKILL.md, a skill folder or a .zip)`);
  return scanInputFromContent(text);
}
