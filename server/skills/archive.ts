import fs from "node:fs/promises";
import path from "node:path";
import { zipSync, type Zippable } from "fflate";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { badRequest, isDomainError } from "../common/errors";
import { listTree } from "./fs-tree";
import { parseArchiveEntry } from "./paths";

/**
 * Zip export of a skill (fflate), and the safe reading of uploaded zips (yauzl): every entry name goes through
 * parseArchiveEntry (no traversal, absolute paths, NUL bytes, backslashes), symlink entries are refused, and the
 * limits count the bytes actually inflated, not the sizes the archive declares, so a zip bomb that lies about its
 * sizes is stopped as soon as it passes the limit. A bad archive is a BAD_REQUEST and nothing is kept from it.
 */

export const MAX_ZIP_ENTRIES = 2_000;
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

/** The unix file type bits of a zip entry made on unix (`external attributes` >> 16). */
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Zips `files` (paths inside the skill) as `<folder>/…`. */
export function zipFiles(folder: string, files: Iterable<{ path: string; bytes: Uint8Array }>): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) entries[`${folder}/${file.path}`] = file.bytes;
  return zipSync(entries, { level: 6 });
}

/** Zips `dir` as `<folder name>/…`; symlinks and hidden files are left out. */
export async function zipSkill(dir: string): Promise<Uint8Array> {
  const listing = await listTree(dir);
  const files = [];
  for (const file of listing.files)
    files.push({
      path: file.relative,
      bytes: new Uint8Array(await fs.readFile(/*turbopackIgnore: true*/ file.absolute)),
    });
  return zipFiles(path.basename(dir), files);
}

export interface UnzippedSkill {
  /** The top folder shared by every entry, or null when files sit at the top of the zip. */
  folder: string | null;
  /** Paths inside the folder. */
  files: Map<string, Uint8Array>;
  dirs: string[];
}

function openZip(zip: Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(
      Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength),
      // Names stay bytes here: parseArchiveEntry checks them itself (one set of rules for every path input).
      { lazyEntries: true, validateEntrySizes: true, decodeStrings: false },
      (error, file) => (error || !file ? reject(error ?? new Error("no zip")) : resolve(file)),
    ),
  );
}

/** The raw name; only ASCII names pass parseArchiveEntry, so UTF-8 decoding is enough to read (and refuse) any. */
const entryName = (entry: Entry): string =>
  Buffer.isBuffer(entry.fileName) ? entry.fileName.toString("utf8") : String(entry.fileName);

function isSymlink(entry: Entry): boolean {
  const madeOnUnix = entry.versionMadeBy >> 8 === 3;
  return madeOnUnix && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

/** Counts what the archive really inflates; over the budget, reading stops with a typed error. */
class Budget {
  private bytes = 0;
  private entries = 0;

  entry(): void {
    this.entries += 1;
    if (this.entries > MAX_ZIP_ENTRIES) throw badRequest(`The zip has more than ${MAX_ZIP_ENTRIES} entries`);
  }

  take(chunk: number): void {
    this.bytes += chunk;
    if (this.bytes > MAX_UNZIPPED_BYTES)
      throw badRequest(`The zip unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB`);
  }
}

function readEntry(zip: ZipFile, entry: Entry, budget: Budget): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error("unreadable entry"));
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => {
        try {
          budget.take(chunk.byteLength);
          chunks.push(chunk);
        } catch (limit) {
          stream.destroy();
          reject(limit);
        }
      });
      stream.on("error", reject);
      stream.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    });
  });
}

/** Every entry of the zip by its checked name (folders end in "/"); packaging junk is skipped. */
async function readEntries(zip: ZipFile): Promise<Map<string, Uint8Array>> {
  const budget = new Budget();
  const out = new Map<string, Uint8Array>();
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.close();
      reject(error);
    };
    zip.on("error", fail);
    zip.on("end", () => resolve(out));
    zip.on("entry", (entry: Entry) => {
      try {
        const name = parseArchiveEntry(entryName(entry));
        if (name === null) return zip.readEntry();
        if (isSymlink(entry)) throw badRequest(`Zip entry "${name}" is a symlink; symlinks are not accepted`);
        budget.entry();
        if (name.endsWith("/")) return void (out.set(name, new Uint8Array()), zip.readEntry());
        readEntry(zip, entry, budget).then((bytes) => (out.set(name, bytes), zip.readEntry()), fail);
      } catch (error) {
        fail(error);
      }
    });
    zip.readEntry();
  });
}

function unzipError(error: unknown): Error {
  if (isDomainError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  // yauzl checks each entry's bytes against the sizes its header declares: a mismatch is a zip bomb or a broken zip.
  if (message.includes("too many bytes in the stream"))
    return badRequest("Not a readable zip file: an entry unpacks to more bytes than its header declares");
  return badRequest(`Not a readable zip file: ${message}`);
}

function splitTopFolder(entries: Map<string, Uint8Array>): UnzippedSkill {
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

export async function unzipSkill(zip: Uint8Array): Promise<UnzippedSkill> {
  let entries: Map<string, Uint8Array>;
  try {
    entries = await readEntries(await openZip(zip));
  } catch (error) {
    throw unzipError(error);
  }
  if (entries.size === 0) throw badRequest("The zip is empty");
  return splitTopFolder(entries);
}
