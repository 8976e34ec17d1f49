import { conflict, notFound } from "../../common/errors";
import { parseJobId, parseTaxonomyPath } from "../paths";
import { diffFileSets } from "./diff";
import { prepareVersion } from "./versions";
import type { DraftRecord, LibraryRepository, SkillFileData, SkillRecord, VersionOrigin, VersionRecord } from "./types";

/**
 * A job's draft (docs/library.md): versions of the skill without a number, in the database like every version, so
 * any server can open, edit and promote it. Edits are conditional on the draft's revision (a stale edit gets
 * CONFLICT with the changes made meanwhile); promotion gives the draft's latest version the next library number,
 * conditional on the library version the draft started from (CONFLICT on a stale base unless `overwrite`).
 */

export interface DraftSnapshot {
  draft: DraftRecord;
  skill: SkillRecord;
  version: VersionRecord;
  files: SkillFileData[];
}

export interface WriteDraftInput {
  jobId: string;
  skillPath: string;
  files: SkillFileData[];
  authorId: string;
  origin: VersionOrigin;
  message: string;
  /** The library version it revises (improve) and so must be promoted onto; 0 for a new skill. */
  baseNumber?: number;
  /** The version it was derived from (the improved skill's original), for history and diffs. */
  parentId?: string | null;
}

export class SkillDrafts {
  constructor(
    private readonly repo: LibraryRepository,
    private readonly ready: () => Promise<void>,
  ) {}

  /** Writes (or, when a job step runs again, replaces) the job's output as the draft's head. */
  async write(input: WriteDraftInput): Promise<DraftSnapshot> {
    await this.ready();
    const jobId = parseJobId(input.jobId);
    const { facts, version } = prepareVersion({ ...input, skillPath: parseTaxonomyPath(input.skillPath), jobId });
    const written = await this.repo.writeDraft({
      jobId,
      facts,
      baseNumber: input.baseNumber ?? 0,
      expectedRevision: null,
      version,
    });
    if (!written) throw conflict(`The draft of job '${jobId}' was promoted or changed while it was written`);
    return this.get(jobId);
  }

  /** The draft and its skill, without reading its files (what a job's detail shows). */
  async findState(jobId: string): Promise<Pick<DraftSnapshot, "draft" | "skill"> | null> {
    await this.ready();
    const draft = await this.repo.findDraft(parseJobId(jobId));
    const skill = draft && (await this.repo.findSkillById(draft.skillId));
    return draft && skill ? { draft, skill } : null;
  }

  async find(jobId: string): Promise<DraftSnapshot | null> {
    const state = await this.findState(jobId);
    const version = state && (await this.repo.findVersionById(state.draft.headVersionId));
    if (!state || !version) return null;
    return { ...state, version, files: await this.repo.readFiles(version.id) };
  }

  async get(jobId: string): Promise<DraftSnapshot> {
    const found = await this.find(jobId);
    if (!found) throw notFound(`Job '${jobId}' has no draft`);
    return found;
  }

  /** An edit of the draft made on `revision`; CONFLICT with the changes since when someone saved first. */
  async save(input: { jobId: string; revision: number; files: SkillFileData[]; authorId: string; message: string }) {
    const current = await this.get(input.jobId);
    if (current.draft.promotedNumber !== null)
      throw conflict(`The draft was promoted to version ${current.draft.promotedNumber}: edit the library skill`);
    const { facts, version } = prepareVersion({
      ...input,
      skillPath: current.skill.path,
      origin: "edit",
      jobId: current.draft.jobId,
      parentId: current.version.id,
    });
    const written = await this.repo.writeDraft({
      jobId: current.draft.jobId,
      facts,
      baseNumber: current.draft.baseNumber,
      expectedRevision: input.revision,
      version,
    });
    if (written) return written;
    const latest = await this.get(input.jobId);
    const base = await this.filesAtRevision(latest, input.revision);
    const details = { currentRevision: latest.draft.revision, changes: diffFileSets(base, latest.files) };
    throw conflict(`The draft changed since revision ${input.revision}: it is at ${details.currentRevision}`, details);
  }

  /** The files of the draft at `revision`: each edit's parent is the head it replaced, so walk back from the head. */
  private async filesAtRevision(latest: DraftSnapshot, revision: number): Promise<SkillFileData[]> {
    let version: VersionRecord | null = latest.version;
    for (let steps = latest.draft.revision - revision; steps > 0 && version?.parentId; steps--)
      version = await this.repo.findVersionById(version.parentId);
    return version ? this.repo.readFiles(version.id) : [];
  }

  /** Publishes the draft as the skill's next library version. */
  async promote(
    jobId: string,
    options: { overwrite?: boolean },
  ): Promise<{ skill: SkillRecord; version: VersionRecord }> {
    const current = await this.get(jobId);
    const outcome = await this.repo.promoteDraft(
      current.draft.jobId,
      options.overwrite ? "any" : current.draft.baseNumber,
    );
    if (outcome.kind === "promoted") return outcome;
    if (outcome.kind === "already")
      throw conflict(`Job '${jobId}' was already promoted to '${current.skill.path}' version ${outcome.number}`);
    throw await this.stalePromotion(current, outcome.headNumber);
  }

  private async stalePromotion(current: DraftSnapshot, headNumber: number) {
    const { skill, draft } = current;
    const base = draft.baseNumber > 0 ? await this.repo.findVersion(skill.id, draft.baseNumber) : null;
    const head = await this.repo.findVersion(skill.id, headNumber);
    const changes = diffFileSets(
      base ? await this.repo.readFiles(base.id) : [],
      head ? await this.repo.readFiles(head.id) : [],
    );
    const since = draft.baseNumber > 0 ? `version ${draft.baseNumber}` : "the draft was written";
    return conflict(
      `'${skill.path}' changed since ${since} (it is at version ${headNumber}): promote with overwrite to add the draft on top`,
      { currentVersion: headNumber, changes },
    );
  }
}
