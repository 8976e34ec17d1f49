import { skillJobOptionsSchema, type SkillJobOptions } from "../../../contracts/skill-job";
import { DomainError } from "../../common/errors";
import type { JobService } from "../../durable/job-service";
import type { JobRecord } from "../../durable/types";
import type { DraftSnapshot, SkillDrafts, SkillFileData } from "../../skills/library/index";
import { resolveFileInputs, textOf, type FileInput } from "../../skills/library/files";
import { scanStoredSkill } from "../../skills/security/snapshot";
import type { SecurityReport } from "../../../contracts/security-report";

/**
 * The skill workflow's use cases on top of the durable engine: start a skill job, read its draft (a version in the
 * library's database, docs/library.md), edit it, zip it, promote it into the library. The job decides what may
 * happen (owner, status, `force` for a draft whose validation did not pass); server/skills/library does the rest,
 * with the database arbitrating between servers.
 */
export interface DraftFileView {
  path: string;
  /** The text ("" for a binary file). */
  content: string;
  size: number;
  binary: boolean;
}

/** A draft as a job's detail shows it: where it is, which version and revision, whether it was promoted. */
export interface DraftState {
  jobId: string;
  skillPath: string;
  versionId: string;
  revision: number;
  /** The library version the draft revises (0: a new skill). */
  baseNumber: number;
  promoted: boolean;
  /** The library version it became, once promoted. */
  finalVersion: number | null;
}

export interface DraftView extends DraftState {
  files: DraftFileView[];
  /** The scan of exactly these files: what the archive route gates on, so the page can ask before a 403. */
  security: SecurityReport;
}

export interface StartSkillJob {
  task: string;
  options?: Partial<SkillJobOptions>;
  requestId?: string;
}

export interface SkillJobsDeps {
  jobs: JobService;
  drafts: SkillDrafts;
  /** The engine label recorded on new jobs (`offline` or `provider:model`). */
  engine: () => string;
  /** Which registered workflow skills.create runs (`skill`; `demo` in tests). */
  workflow: () => string;
}

const PROMOTABLE = new Set(["completed", "pending_review"]);
const RUNNABLE_AGAIN = new Set(["failed", "cancelled"]);

const skillMdFirst = (a: { path: string }, b: { path: string }): number =>
  a.path === "SKILL.md" ? -1 : b.path === "SKILL.md" ? 1 : a.path.localeCompare(b.path);

export function fileViews(files: SkillFileData[]): DraftFileView[] {
  return files
    .map((file) => {
      const text = textOf(file);
      return { path: file.path, content: text ?? "", size: file.size, binary: text === null };
    })
    .sort(skillMdFirst);
}

function draftState({ draft, skill }: Pick<DraftSnapshot, "draft" | "skill">): DraftState {
  return {
    jobId: draft.jobId,
    skillPath: skill.path,
    versionId: draft.headVersionId,
    revision: draft.revision,
    baseNumber: draft.baseNumber,
    promoted: draft.promotedNumber !== null,
    finalVersion: draft.promotedNumber,
  };
}

export function draftView(snapshot: DraftSnapshot): DraftView {
  return { ...draftState(snapshot), files: fileViews(snapshot.files), security: scanStoredSkill(snapshot) };
}

function assertPromotable(job: JobRecord, force: boolean): void {
  if (!PROMOTABLE.has(job.status))
    throw new DomainError(
      "PRECONDITION_FAILED",
      `Job '${job.id}' is ${job.status}: only a finished job's draft can be promoted`,
    );
  if (job.status === "pending_review" && !force) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      `The draft of job '${job.id}' did not pass validation: review it, then promote with force`,
    );
  }
}

export class SkillJobs {
  constructor(private readonly deps: SkillJobsDeps) {}

  /** Creates and queues a skill job; the same (owner, requestId) always yields the same job. */
  async start(userId: string, input: StartSkillJob): Promise<JobRecord> {
    const { job } = await this.deps.jobs.create({
      ownerId: userId,
      task: input.task,
      options: skillJobOptionsSchema.parse(input.options ?? {}),
      requestId: input.requestId,
      engine: this.deps.engine(),
      workflow: this.deps.workflow(),
    });
    return job;
  }

  /**
   * "Run again": a new job with the task and options of one that failed or was cancelled. The same
   * (owner, requestId) returns the same new job, so a double click starts one.
   */
  async runAgain(userId: string, jobId: string, requestId?: string): Promise<JobRecord> {
    const job = await this.deps.jobs.get(userId, jobId);
    if (!RUNNABLE_AGAIN.has(job.status))
      throw new DomainError(
        "PRECONDITION_FAILED",
        `Job '${jobId}' is ${job.status}: only a failed or cancelled job can be run again`,
      );
    return this.start(userId, { task: job.task, options: skillJobOptionsSchema.parse(job.options), requestId });
  }

  /** The job's draft as it is now (NOT_FOUND until the job wrote one). */
  async draft(userId: string, jobId: string): Promise<DraftView> {
    const job = await this.deps.jobs.get(userId, jobId);
    const found = await this.deps.drafts.find(job.id);
    if (!found)
      throw new DomainError("NOT_FOUND", `Job '${jobId}' has no draft${PROMOTABLE.has(job.status) ? "" : " yet"}`);
    return draftView(found);
  }

  /** The draft's state for the job's detail, or null when it has none (yet). */
  async draftState(job: JobRecord): Promise<DraftState | null> {
    const found = await this.deps.drafts.findState(job.id);
    return found && draftState(found);
  }

  /** An edit of the draft, made on `revision` (CONFLICT with the changes when someone saved first). */
  async saveDraft(
    userId: string,
    input: { jobId: string; revision: number; files: FileInput[]; message: string },
  ): Promise<DraftView> {
    const job = await this.deps.jobs.get(userId, input.jobId); // ownership and existence
    const current = await this.deps.drafts.get(job.id);
    const files = resolveFileInputs(input.files, current.files);
    await this.deps.drafts.save({ ...input, jobId: job.id, files, authorId: userId });
    return this.draft(userId, job.id);
  }

  /** The files to zip for a job: its draft's latest version. */
  async archiveSource(userId: string, jobId: string): Promise<{ files: SkillFileData[]; name: string }> {
    const job = await this.deps.jobs.get(userId, jobId);
    const found = await this.deps.drafts.find(job.id);
    if (!found) throw new DomainError("NOT_FOUND", `Job '${jobId}' has no draft to download`);
    return { files: found.files, name: found.skill.path.split("/").at(-1) ?? "skill" };
  }

  /** Publishes the draft as the skill's next library version (CONFLICT on a stale base unless `overwrite`). */
  async promote(
    userId: string,
    jobId: string,
    options: { overwrite?: boolean; force?: boolean },
  ): Promise<{ path: string; version: number }> {
    const job = await this.deps.jobs.get(userId, jobId);
    assertPromotable(job, options.force ?? false);
    const { skill, version } = await this.deps.drafts.promote(job.id, { overwrite: options.overwrite });
    return { path: skill.path, version: version.number ?? 0 };
  }
}
