import { conflict, DomainError, notFound } from "../../common/errors";
import { libraryFor } from "../../skills/library";
import { promoteDraft, readDraft } from "../../skills/drafts";
import type { JobSystem } from "../../durable/job-system";
import type { JobRecord } from "../../durable/types";

/**
 * A job's draft skill: read it, zip it, promote it into the library. The job decides what may happen (owner,
 * status, `force` for a draft whose validation did not pass); server/skills/drafts does the file work.
 */
export interface DraftView {
  skillPath: string;
  files: { path: string; content: string }[];
  promoted: boolean;
}

const PROMOTABLE = new Set(["completed", "pending_review"]);

type SkillSource =
  | { kind: "library"; skillPath: string; dir: string; name: string }
  | { kind: "draft"; skillPath: string; dir: string; name: string; files: Record<string, string> };

/** Where a job's skill is now: in the library once promoted, else its draft (NOT_FOUND with `missing` if none). */
async function skillSource(
  system: JobSystem,
  userId: string,
  jobId: string,
  missing: (job: JobRecord) => string,
): Promise<SkillSource> {
  const job = await system.service.get(userId, jobId);
  if (job.promoted && job.finalPath) {
    const entry = await libraryFor().entry(job.finalPath);
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

const skillMdFirst = (a: { path: string }, b: { path: string }): number =>
  a.path === "SKILL.md" ? -1 : b.path === "SKILL.md" ? 1 : a.path.localeCompare(b.path);

export async function jobDraft(system: JobSystem, userId: string, jobId: string): Promise<DraftView> {
  const source = await skillSource(
    system,
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
export async function jobArchiveSource(
  system: JobSystem,
  userId: string,
  jobId: string,
): Promise<{ dir: string; name: string }> {
  const { dir, name } = await skillSource(system, userId, jobId, () => `Job '${jobId}' has no draft to download`);
  return { dir, name };
}

function assertPromotable(job: JobRecord, force: boolean): void {
  if (job.promoted) throw conflict(`Job '${job.id}' was already promoted to '${job.finalPath}'`);
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

/** Moves the draft into the library (under the job's lock, so two promotions of one job cannot both run). */
export async function promoteJobDraft(
  system: JobSystem,
  userId: string,
  jobId: string,
  options: { overwrite?: boolean; force?: boolean },
): Promise<{ path: string }> {
  await system.service.get(userId, jobId); // ownership and existence
  return system.store.withLock(jobId, async (locked) => {
    const job = await locked.current();
    assertPromotable(job, options.force ?? false);
    const draft = await readDraft({ jobId });
    if (!draft) throw notFound(`Job '${jobId}' has no draft to promote`);
    const promoted = await promoteDraft({ jobId, skillPath: draft.skillPath, overwrite: options.overwrite });
    await locked.update(() => ({ promoted: true, finalPath: promoted.path }));
    return { path: promoted.path };
  });
}
