import fs from "node:fs/promises";
import path from "node:path";
import { Mutex } from "async-mutex";
import { conflict, notFound } from "../common/errors";
import { loggerFor, userText } from "../common/logger";
import { processSingleton } from "../common/singleton";
import { listTree, pathExists } from "./fs-tree";
import { loadEntry, scanSkills, type LibraryEntry } from "./library-scan";
import { buildTree, renderAvailableSkills, searchEntries, type TreeNode } from "./library-views";
import { parseTaxonomyPath, safePath, skillsRoot } from "./paths";
import { buildSkillFiles, removeQuietly, tempDir, writeFiles, type SkillWriteInput } from "./skill-writer";

/**
 * The skill library: the skills under the root (folders with a SKILL.md, `_` and hidden folders skipped) and
 * an in-memory index of them. SPEC §4 guarantee 4: every read-check-write of the index (lazy load, periodic
 * rescan, registration, promotion) runs under one async-mutex per root, so concurrent registrations of one path
 * give exactly one winner and CONFLICT for the rest, and different paths never lose each other's entries.
 */

export type { LibraryEntry } from "./library-scan";

/** Files added by hand are picked up by a rescan at most this often (reference §7.5 throttle). */
export const RESCAN_MS = 30_000;

const log = () => loggerFor("library");

export interface LibraryOptions {
  /** Folder copied into an empty root on first use; null disables seeding. */
  seedDir?: string | null;
}

export const DEFAULT_SEED_DIR = (): string =>
  path.join(/*turbopackIgnore: true*/ process.cwd(), "server", "skills", "seed");

export class SkillLibrary {
  private readonly mutex = new Mutex();
  private index: Map<string, LibraryEntry> | null = null;
  private scannedAt = 0;

  constructor(
    readonly root: string,
    private readonly options: LibraryOptions = {},
  ) {}

  /** Runs `fn` with the loaded index while holding the library lock. */
  private locked<T>(fn: (index: Map<string, LibraryEntry>) => Promise<T>): Promise<T> {
    return this.mutex.runExclusive(async () => fn(await this.freshIndex()));
  }

  private async freshIndex(): Promise<Map<string, LibraryEntry>> {
    if (this.index && Date.now() - this.scannedAt < RESCAN_MS) return this.index;
    if (!this.index) await this.seedIfEmpty();
    this.index = await scanSkills(this.root);
    this.scannedAt = Date.now();
    return this.index;
  }

  private async seedIfEmpty(): Promise<void> {
    const seedDir = this.options.seedDir === undefined ? DEFAULT_SEED_DIR() : this.options.seedDir;
    if (!seedDir || !(await pathExists(seedDir))) return;
    const entries = await fs.readdir(/*turbopackIgnore: true*/ this.root).catch(() => [] as string[]);
    if (entries.some((name) => !name.startsWith("_") && !name.startsWith("."))) return;
    await fs.mkdir(/*turbopackIgnore: true*/ this.root, { recursive: true });
    await fs.cp(/*turbopackIgnore: true*/ seedDir, this.root, { recursive: true, errorOnExist: false, force: false });
    log().info({ root: userText(this.root) }, "seeded an empty skills root with example skills");
  }

  async list(): Promise<LibraryEntry[]> {
    return this.locked(async (index) => [...index.values()].sort((a, b) => a.path.localeCompare(b.path)));
  }

  async entry(skillPath: string): Promise<LibraryEntry> {
    const checked = parseTaxonomyPath(skillPath);
    const found = await this.locked(async (index) => index.get(checked));
    if (!found) throw notFound(`Skill '${checked}' not found`);
    return found;
  }

  /** Moves a prepared folder to `<root>/<skillPath>` (rename, so readers never see half a skill). */
  private async install(
    index: Map<string, LibraryEntry>,
    source: string,
    skillPath: string,
    overwrite: boolean,
  ): Promise<LibraryEntry> {
    const target = await safePath(this.root, ...skillPath.split("/"));
    const exists = index.has(skillPath) || (await pathExists(target));
    if (exists && !overwrite) throw conflict(`Skill '${skillPath}' already exists`, { path: skillPath });
    await fs.mkdir(/*turbopackIgnore: true*/ path.dirname(target), { recursive: true });
    const backup = exists ? path.join(await tempDir(this.root), "previous") : null;
    if (backup) await fs.rename(/*turbopackIgnore: true*/ target, backup);
    try {
      await fs.rename(/*turbopackIgnore: true*/ source, target);
    } catch (error) {
      if (backup) await fs.rename(/*turbopackIgnore: true*/ backup, target);
      throw error;
    }
    if (backup) await removeQuietly(path.dirname(backup));
    const entry = await loadEntry(this.root, skillPath);
    if (entry) index.set(skillPath, entry);
    return entry ?? { path: skillPath, name: skillPath, description: "", tags: [], dir: target };
  }

  /** Writes a new skill at `input.skillPath`; CONFLICT when it exists and `overwrite` is not set. */
  async register(input: SkillWriteInput & { overwrite?: boolean }): Promise<LibraryEntry> {
    const skillPath = parseTaxonomyPath(input.skillPath);
    const files = buildSkillFiles({ ...input, skillPath });
    return this.locked(async (index) => {
      const staging = await tempDir(this.root);
      try {
        await writeFiles(path.join(staging, "skill"), files);
        return await this.install(index, path.join(staging, "skill"), skillPath, input.overwrite ?? false);
      } finally {
        await removeQuietly(staging);
      }
    });
  }

  /** Promotion of a finished folder (a draft) into the library, under the same lock as registration. */
  async adopt(source: string, skillPath: string, overwrite: boolean): Promise<LibraryEntry> {
    const checked = parseTaxonomyPath(skillPath);
    return this.locked((index) => this.install(index, source, checked, overwrite));
  }

  /** Forgets the index so the next call rescans (tests, and after files were changed by hand). */
  async invalidate(): Promise<void> {
    await this.mutex.runExclusive(async () => {
      this.index = null;
    });
  }
}

/** One library per resolved root for the whole process (Next may load this module more than once). */
export function libraryFor(root?: string, options?: LibraryOptions): SkillLibrary {
  const registry = processSingleton("skills.libraries", () => new Map<string, SkillLibrary>());
  const resolved = skillsRoot(root);
  let library = registry.get(resolved);
  if (!library) {
    library = new SkillLibrary(resolved, options);
    registry.set(resolved, library);
  }
  return library;
}

export interface SkillDetail extends LibraryEntry {
  content: string;
  files: string[];
  metadata: Record<string, unknown> | null;
}

export async function get(skillPath: string, root?: string): Promise<SkillDetail> {
  const entry = await libraryFor(root).entry(skillPath);
  // The folder may have been replaced or removed since the index entry was read.
  const content = await fs
    .readFile(/*turbopackIgnore: true*/ path.join(entry.dir, "SKILL.md"), "utf8")
    .catch(() => null);
  if (content === null) throw notFound(`Skill '${entry.path}' not found`);
  const listing = await listTree(entry.dir);
  const metadataText = await fs
    .readFile(/*turbopackIgnore: true*/ path.join(entry.dir, "metadata.json"), "utf8")
    .catch(() => null);
  let metadata: Record<string, unknown> | null = null;
  try {
    metadata = metadataText ? (JSON.parse(metadataText) as Record<string, unknown>) : null;
  } catch {
    metadata = null;
  }
  return { ...entry, content, files: listing.files.map((file) => file.relative), metadata };
}

export async function registerSkill(
  input: SkillWriteInput & { overwrite?: boolean; root?: string },
): Promise<{ path: string; dir: string }> {
  const entry = await libraryFor(input.root).register(input);
  return { path: entry.path, dir: entry.dir };
}

export type { TreeNode } from "./library-views";

export async function tree(root?: string): Promise<TreeNode[]> {
  return buildTree(await libraryFor(root).list());
}

export async function search(q: string, root?: string): Promise<LibraryEntry[]> {
  return searchEntries(await libraryFor(root).list(), q);
}

export async function availableSkillsXml(root?: string): Promise<string> {
  return renderAvailableSkills(await libraryFor(root).list());
}
