import { badRequest, conflict, notFound } from "../../common/errors";
import { unzipSkill } from "../archive";
import { parseTaxonomyPath } from "../paths";
import { fileData, resolveFileInputs, type FileInput } from "./files";
import { diffFileSets, type FileChange } from "./diff";
import { buildTree, renderAvailableSkills, searchEntries, type TreeNode } from "./views";
import { prepareVersion, type VersionInput } from "./versions";
import type { LibraryRepository, SkillFileData, SkillRecord, SkillWithHead, VersionRecord } from "./types";

/**
 * The skill library (docs/library.md): skills and their immutable, numbered versions in the database, shared by
 * every server. A save names the version it was made on; when another save got there first it is refused with
 * CONFLICT and the changes made meanwhile, so no update is lost. Deleting hides a skill (its versions stay) and
 * can be undone. Drafts are in ./drafts.ts, the first-start import of the skills folder in ./first-start.ts.
 */

export interface LibraryFilter {
  q?: string;
  category?: string;
  tag?: string;
  /** List the deleted skills instead of the live ones. */
  deleted?: boolean;
}

export interface SkillSnapshot {
  skill: SkillRecord;
  version: VersionRecord;
  files: SkillFileData[];
}

export interface SaveInput extends Omit<VersionInput, "parentId" | "skillPath"> {
  path: string;
  /** The version the edit was made on (0 for a new skill). */
  baseNumber: number;
}

/** The CONFLICT a stale save gets: which version is current and what changed since the base. */
export interface ConflictDetails extends Record<string, unknown> {
  currentVersion: number;
  changes: FileChange[];
}

export class SkillLibrary {
  constructor(
    private readonly repo: LibraryRepository,
    /** Resolves once the skills folder was imported (first start); every operation waits for it. */
    private readonly ready: () => Promise<void>,
  ) {}

  async list(filter: LibraryFilter = {}): Promise<SkillWithHead[]> {
    await this.ready();
    const skills = (await this.repo.listSkills()).filter((skill) => (skill.deletedAt !== null) === !!filter.deleted);
    const matching = skills.filter(
      (skill) =>
        (!filter.category || skill.category === filter.category || skill.category.startsWith(`${filter.category}/`)) &&
        (!filter.tag || skill.tags.includes(filter.tag)),
    );
    return filter.q ? searchEntries(matching, filter.q) : matching;
  }

  async tree(): Promise<TreeNode[]> {
    return buildTree(await this.list());
  }

  async xml(): Promise<string> {
    return renderAvailableSkills(await this.list());
  }

  /** A live skill (NOT_FOUND when unknown, draft-only, or deleted unless `deleted` is allowed). */
  async skill(path: string, options: { deleted?: boolean } = {}): Promise<SkillRecord> {
    await this.ready();
    const checked = parseTaxonomyPath(path);
    const skill = await this.repo.findSkill(checked);
    if (!skill || skill.headNumber === 0 || (skill.deletedAt && !options.deleted))
      throw notFound(`Skill '${checked}' not found`);
    return skill;
  }

  /** A skill at a version (the latest when `number` is omitted), with its files. */
  async get(path: string, number?: number): Promise<SkillSnapshot> {
    const skill = await this.skill(path);
    const version = await this.repo.findVersion(skill.id, number ?? skill.headNumber);
    if (!version) throw notFound(`Skill '${skill.path}' has no version ${number}`);
    return { skill, version, files: await this.repo.readFiles(version.id) };
  }

  async versions(path: string): Promise<VersionRecord[]> {
    return this.repo.listVersions((await this.skill(path)).id);
  }

  /** Any version (a draft's too) by id, with its files. */
  async version(id: string): Promise<{ version: VersionRecord; files: SkillFileData[] }> {
    const version = await this.repo.findVersionById(id);
    if (!version) throw notFound(`Version '${id}' not found`);
    return { version, files: await this.repo.readFiles(version.id) };
  }

  /** What changed between two library versions (drafts stay with their job's owner: their ids are not accepted). */
  async diff(fromId: string, toId: string): Promise<FileChange[]> {
    const [from, to] = await Promise.all([this.version(fromId), this.version(toId)]);
    for (const side of [from, to])
      if (side.version.number === null) throw notFound(`Version '${side.version.id}' is not a library version`);
    return diffFileSets(from.files, to.files);
  }

  /** A new version on top of `baseNumber`; CONFLICT (with the changes since the base) when the head moved on. */
  async save(input: SaveInput): Promise<VersionRecord> {
    await this.ready();
    const path = parseTaxonomyPath(input.path);
    const existing = await this.repo.findSkill(path);
    const parent = existing && input.baseNumber > 0 ? await this.repo.findVersion(existing.id, input.baseNumber) : null;
    if (input.baseNumber > 0 && !parent) throw notFound(`Skill '${path}' has no version ${input.baseNumber}`);
    const { facts, version } = prepareVersion({ ...input, skillPath: path, parentId: parent?.id ?? null });
    const saved = await this.repo.appendVersion(facts, input.baseNumber, version);
    if (saved) return saved;
    throw await this.staleSave(path, parent);
  }

  private async staleSave(path: string, base: VersionRecord | null) {
    const skill = await this.repo.findSkill(path);
    const head = skill && (await this.repo.findVersion(skill.id, skill.headNumber));
    const before = base ? await this.repo.readFiles(base.id) : [];
    const after = head ? await this.repo.readFiles(head.id) : [];
    const details: ConflictDetails = { currentVersion: skill?.headNumber ?? 0, changes: diffFileSets(before, after) };
    const since = base ? `version ${base.number}` : "you started";
    return conflict(`'${path}' changed since ${since}: it is at version ${details.currentVersion} now`, details);
  }

  /** Restores version `number` as a new version (nothing is rewritten: history only grows). */
  async restore(input: { path: string; number: number; baseNumber: number; authorId: string }): Promise<VersionRecord> {
    const old = await this.get(input.path, input.number);
    return this.save({
      path: old.skill.path,
      baseNumber: input.baseNumber,
      files: old.files,
      authorId: input.authorId,
      message: `Restore version ${input.number}`,
      origin: "edit",
    });
  }

  async remove(path: string, userId: string): Promise<void> {
    await this.repo.setDeleted((await this.skill(path)).id, userId);
  }

  async undelete(path: string): Promise<void> {
    await this.repo.setDeleted((await this.skill(path, { deleted: true })).id, null);
  }

  /** Imports files as a new skill, or as the next version of the skill at that path (origin `import`). */
  async import(input: { path: string; files: SkillFileData[]; authorId: string; message?: string }) {
    await this.ready();
    const path = parseTaxonomyPath(input.path);
    const existing = await this.repo.findSkill(path);
    const baseNumber = existing?.headNumber ?? 0;
    return this.save({
      path,
      baseNumber,
      files: input.files,
      authorId: input.authorId,
      message: input.message?.trim() || "Imported",
      origin: "import",
    });
  }

  /** An editor's save: the files as sent, `from` entries taken from the base version. */
  async edit(input: { path: string; baseNumber: number; inputs: FileInput[]; authorId: string; message: string }) {
    const base = await this.get(input.path, input.baseNumber);
    const files = resolveFileInputs(input.inputs, base.files);
    return this.save({ ...input, path: base.skill.path, files, origin: "edit" });
  }

  /**
   * An uploaded zip (bad archives are refused before anything is written). The skill's path is the one given, or
   * the zip's top folder name.
   */
  async importArchive(zip: Uint8Array, input: { path?: string; authorId: string; message?: string }) {
    const unzipped = await unzipSkill(zip);
    const path = input.path?.trim() || unzipped.folder;
    if (!path) throw badRequest("Name the skill's path: the zip has no top folder to take it from");
    const files = [...unzipped.files].map(([name, bytes]) => fileData(name, bytes));
    return this.import({ ...input, path, files });
  }

  /** A folder's files sent by a client (the CLI's `import <folder>`, a folder upload). */
  async importInputs(input: { path: string; inputs: FileInput[]; authorId: string; message?: string }) {
    return this.import({ ...input, files: resolveFileInputs(input.inputs, []) });
  }

  /** The skill a version belongs to. */
  async skillOf(version: VersionRecord): Promise<SkillRecord> {
    const skill = await this.repo.findSkillById(version.skillId);
    if (!skill) throw notFound(`Version '${version.id}' has no skill`);
    return skill;
  }

  /**
   * Keeps files as a version outside the numbered history (what an improve job starts from when the skill was
   * uploaded or pasted); returns it with the library version a revision of it must be promoted onto.
   */
  async keepUnnumbered(input: { path: string; files: SkillFileData[]; authorId: string }) {
    await this.ready();
    const path = parseTaxonomyPath(input.path);
    const { facts, version } = prepareVersion({
      ...input,
      skillPath: path,
      origin: "import",
      message: "Uploaded to improve",
    });
    const existing = await this.repo.findSkill(path);
    const stored = await this.repo.storeVersion(facts, version);
    return { version: stored, baseNumber: existing?.headNumber ?? 0 };
  }
}
