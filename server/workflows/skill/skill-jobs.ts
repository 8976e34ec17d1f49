import { skillJobOptionsSchema, type SkillJobOptions } from "../../../contracts/skill-job";
import { conflict, DomainError, notFound } from "../../common/errors";
import type { JobService } from "../../durable/job-service";
import type { JobStore } from "../../durable/job-store";
import type { JobRecord } from "../../durable/types";
import { promoteDraft, readDraft } from "../../skills/drafts";
import type { SkillLibrary } from "../../skills/library";
import { skillResultOf } from "./job-result";

/**
 * The skill workflow's use cases on top of the durable engine: start a skill job, read its draft, zip it, promote
 * it into the library. The job decides what may happen (owner, status, `force` for a draft whose validation did
 * not pass); server/skills/drafts does the file work.
 */
export interface DraftView {
  skillPath: string;
  files: { path: string; content: string }[];
  promoted: boolean;
}

export interface StartSkillJob {
  task: string;
  options?: Partial<SkillJobOptions>;
  requestId?: string;
}

export interface SkillJobsDeps {
  jobs: JobService;
  store: JobStore;
  library: () => SkillLibrary;
  /** The engine label recorded on new jobs (`offline` or `provider:model`). */
  engine: () => string;
  /** Which registered workflow skills.create runs (`skill`; `demo` in tests). */
  workflow: () => string;
}

const PROMOTABLE = new Set(["completed", "pending_review"]);
const RUNNABLE_AGAIN = new Set(["failed", "cancelled"]);

type SkillSource =
  | { kind: "library"; skillPath: string; dir: string; name: string }
  | { kind: "draft"; skillPath: string; dir: string; name: string; files: Record<string, string> };

const skillMdFirst = (a: { path: string }, b: { path: string }): number =>
  a.path === "SKILL.md" ? -1 : b.path === "SKILL.md" ? 1 : a.path.localeCompare(b.path);

function assertPromotable(job: JobRecord, force: boolean): void {
  const { promoted, finalPath } = skillResultOf(job);
  if (promoted) throw conflict(`Job '${job.id}' was already promoted to '${finalPath}'`);
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

  async draft(userId: string, jobId: string): Promise<DraftView> {
    const source = await this.source(
      userId,
      jobId,
      (job) => `Job '${jobId}' has no draft${PROMOTABLE.has(job.status) ? "" : " yet"}`,
    );
    if (source.kind === "library") return { skillPath: source.skillPath, files: [], promoted: true };
    const files = Object.entries(source.files)
      .map(([path, content]) => ({ path, content }))
      .sort(skillMdFirst);
    return { skillPath: source.skillPath, files, promoted: false };
  }

  /** The folder to zip for a job: its draft, or the library skill it was promoted to. */
  async archiveSource(userId: string, jobId: string): Promise<{ dir: string; name: string }> {
    const { dir, name } = await this.source(userId, jobId, () => `Job '${jobId}' has no draft to download`);
    return { dir, name };
  }

  /** Moves the draft into the library (under the job's lock, so two promotions of one job cannot both run). */
  async promote(
    userId: string,
    jobId: string,
    options: { overwrite?: boolean; force?: boolean },
  ): Promise<{ path: string }> {
    await this.deps.jobs.get(userId, jobId); // ownership and existence
    return this.deps.store.withLock(jobId, async (locked) => {
      const job = await locked.current();
      assertPromotable(job, options.force ?? false);
      const draft = await readDraft({ jobId });
      if (!draft) throw notFound(`Job '${jobId}' has no draft to promote`);
      const promoted = await promoteDraft({ jobId, skillPath: draft.skillPath, overwrite: options.overwrite });
      await locked.update((current) => ({
        result: { ...current.result, promoted: true, finalPath: promoted.path },
      }));
      return { path: promoted.path };
    });
  }

  /** Where a job's skill is now: in the library once promoted, else its draft (NOT_FOUND with `missing` if none). */
  private async source(userId: string, jobId: string, missing: (job: JobRecord) => string): Promise<SkillSource> {
    const job = await this.deps.jobs.get(userId, jobId);
    const { promoted, finalPath } = skillResultOf(job);
    if (promoted && finalPath) {
      const entry = await this.deps.library().entry(finalPath);
      return { kind: "library", skillPath: entry.path, dir: entry.dir, name: entry.name };
    }
    const draft = await readDraft({ jobId });
    if (!draft) throw notFound(missing(job));
    return {
      kind: "draft",
      skillPath: draft.skillPath,
      dir: draft.dir,
      name: draft.skillPath.split("/").at(-1) ?? "skill",
      files: draft.files,
    };
  }
}
