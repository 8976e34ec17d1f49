import fs from "node:fs/promises";
import path from "node:path";
import { unzipSync, zipSync, type Zippable } from "fflate";
import { badRequest } from "../common/errors";
import { listTree } from "./fs-tree";
import { parseArchiveEntry } from "./paths";

/**
 * Zip export of a skill or draft folder (fflate), and the safe reading of uploaded zips: every entry name goes
 * through parseArchiveEntry (no traversal, absolute paths, NUL bytes, backslashes) and the declared sizes are
 * capped before anything is inflated, so a zip bomb is refused up front.
 */

export const MAX_ZIP_ENTRIES = 2_000;
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

/** Zips `dir` as `<folder name>/…`; symlinks and hidden files are left out. */
export async function zipSkill(dir: string): Promise<Uint8Array> {
  const folder = path.basename(dir);
  const listing = await listTree(dir);
  const entries: Zippable = {};
  for (const file of listing.files)
    entries[`${folder}/${file.relative}`] = new Uint8Array(await fs.readFile(/*turbopackIgnore: true*/ file.absolute));
  return zipSync(entries, { level: 6 });
}

export interface UnzippedSkill {
  /** The top folder shared by every entry, or null when files sit at the top of the zip. */
  folder: string | null;
  /** Paths inside the folder. */
  files: Map<string, Uint8Array>;
  dirs: string[];
}

function readEntries(zip: Uint8Array): Map<string, Uint8Array> {
  let count = 0;
  let total = 0;
  const names = new Map<string, string>();
  const raw = unzipSync(zip, {
    filter(file) {
      const name = parseArchiveEntry(file.name);
      if (name === null) return false;
      count += 1;
      total += file.originalSize;
      if (count > MAX_ZIP_ENTRIES) throw badRequest(`The zip has more than ${MAX_ZIP_ENTRIES} entries`);
      if (total > MAX_UNZIPPED_BYTES)
        throw badRequest(`The zip unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB`);
      names.set(file.name, name);
      return true;
    },
  });
  return new Map(Object.entries(raw).map(([name, bytes]) => [names.get(name) ?? name, bytes]));
}

function unzipError(error: unknown): Error {
  if (error instanceof Error && error.name === "DomainError") return error;
  return badRequest(`Not a readable zip file: ${error instanceof Error ? error.message : String(error)}`);
}

export function unzipSkill(zip: Uint8Array): UnzippedSkill {
  let entries: Map<string, Uint8Array>;
  try {
    entries = readEntries(zip);
  } catch (error) {
    throw unzipError(error);
  }
  if (entries.size === 0) throw badRequest("The zip is empty");
  const firsts = new Set([...entries.keys()].map((name) => name.split("/")[0]));
  const nested = [...entries.keys()].every((name) => name.includes("/"));
  const folder = firsts.size === 1 && nested ? ([...firsts][0] ?? null) : null;
  const files = new Map<string, Uint8Array>();
  const dirs: string[] = [];
  for (const [name, bytes] of entries) {
    const inner = folder === null ? name : name.slice(folder.length + 1);
    if (inner === "") continue;
    if (inner.endsWith("/")) dirs.push(inner.slice(0, -1));
    else files.set(inner, bytes);
  }
  return { folder, files, dirs };
}
