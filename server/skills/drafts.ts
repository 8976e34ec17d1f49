import fs from "node:fs/promises";
import path from "node:path";
import { notFound } from "../common/errors";
import { listTree, pathExists } from "./fs-tree";
import { libraryFor } from "./library";
import { parseJobId, parseTaxonomyPath, safePath, skillsRoot } from "./paths";
import { buildSkillFiles, removeQuietly, tempDir, writeFiles } from "./skill-writer";

/**
 * Drafts: every job writes its skill to `<root>/_drafts/<jobId>/<skillPath>/` (plus `draft.json` saying which
 * path), built in a temp folder and renamed into place, so a reader sees the old draft or the new one, never
 * half of one. Promotion moves the draft folder into the library under the library's lock. Whether a draft
 * may be promoted (job status, `force` for drafts that failed validation) is the job service's decision.
 */

const DRAFT_INFO = "draft.json";

export interface WriteDraftInput {
  root?: string;
  jobId: string;
  skillPath: string;
  skillMd: string;
  files?: Record<string, string>;
  metadata: Record<string, unknown>;
}

/** `_drafts/<jobId>` for a validated job id. */
async function draftRoot(root: string, jobId: string): Promise<string> {
  return safePath(root, "_drafts", parseJobId(jobId));
}

export async function writeDraft(input: WriteDraftInput): Promise<{ draftPath: string }> {
  const root = skillsRoot(input.root);
  const skillPath = parseTaxonomyPath(input.skillPath);
  const target = await draftRoot(root, input.jobId);
  const files = buildSkillFiles({ skillPath, skillMd: input.skillMd, files: input.files, metadata: input.metadata });
  const staging = await tempDir(root);
  try {
    const next = path.join(staging, "next");
    await writeFiles(path.join(next, ...skillPath.split("/")), files);
    await fs.writeFile(
      /*turbopackIgnore: true*/ path.join(next, DRAFT_INFO),
      `${JSON.stringify({ skillPath, writtenAt: new Date().toISOString() }, null, 2)}\n`,
    );
    await fs.mkdir(/*turbopackIgnore: true*/ path.dirname(target), { recursive: true });
    // A re-run replaces the previous draft: park it in the staging folder, swap the new one in, drop the old.
    if (await pathExists(target)) await fs.rename(/*turbopackIgnore: true*/ target, path.join(staging, "previous"));
    await fs.rename(/*turbopackIgnore: true*/ next, target);
  } finally {
    await removeQuietly(staging);
  }
  return { draftPath: path.join(target, ...skillPath.split("/")) };
}

async function readDraftInfo(dir: string): Promise<string | null> {
  const text = await fs.readFile(/*turbopackIgnore: true*/ path.join(dir, DRAFT_INFO), "utf8").catch(() => null);
  if (text === null) return null;
  let info: { skillPath?: unknown };
  try {
    info = JSON.parse(text) as { skillPath?: unknown };
  } catch {
    return null;
  }
  return parseTaxonomyPath(info.skillPath);
}

export interface DraftContents {
  skillPath: string;
  /** Absolute folder of the draft skill. */
  dir: string;
  /** Text files keyed by their path inside the skill folder (`SKILL.md`, `examples/example_1.py`). */
  files: Record<string, string>;
}

export async function readDraft(input: { root?: string; jobId: string }): Promise<DraftContents | null> {
  const root = skillsRoot(input.root);
  const dir = await draftRoot(root, input.jobId);
  const skillPath = await readDraftInfo(dir);
  if (skillPath === null) return null;
  const skillDir = await safePath(root, "_drafts", parseJobId(input.jobId), ...skillPath.split("/"));
  if (!(await pathExists(skillDir))) return null;
  const files: Record<string, string> = {};
  for (const file of (await listTree(skillDir)).files)
    files[file.relative] = await fs.readFile(/*turbopackIgnore: true*/ file.absolute, "utf8");
  return { skillPath, dir: skillDir, files };
}

/** Moves the job's draft to `<root>/<skillPath>/`; CONFLICT if a skill is there and `overwrite` is not set. */
export async function promoteDraft(input: {
  root?: string;
  jobId: string;
  skillPath: string;
  overwrite?: boolean;
}): Promise<{ path: string; dir: string }> {
  const root = skillsRoot(input.root);
  const skillPath = parseTaxonomyPath(input.skillPath);
  const jobDir = await draftRoot(root, input.jobId);
  const source = await safePath(root, "_drafts", parseJobId(input.jobId), ...skillPath.split("/"));
  if (!(await pathExists(path.join(source, "SKILL.md")))) throw notFound(`No draft of '${skillPath}' for this job`);
  const entry = await libraryFor(root).adopt(source, skillPath, input.overwrite ?? false);
  await removeQuietly(jobDir);
  return { path: entry.path, dir: entry.dir };
}
