import fs from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import { errorMessage } from "../../common/errors";
import { listTree, pathExists } from "../fs-tree";
import { parseJobId, parseTaxonomyPath } from "../paths";
import { fileData } from "./files";
import { prepareVersion } from "./versions";
import type { ImportBatch, NewVersion, SkillFacts } from "./types";

/**
 * The first start with the library in the database (docs/library.md): every skill of the skills folder (a folder
 * holding a SKILL.md; `_` and hidden folders skipped, symlinks never followed) becomes version 1, and every job
 * draft under `_drafts/<jobId>/` becomes that job's draft, in one transaction, once for the whole database. The
 * folder itself is left as it was. An empty folder gets the seed skills instead, as before.
 */
export const FIRST_START_KEY = "skills-folder-imported";

const MAX_DEPTH = 6;
const AUTHOR = "system";

/** A parse that may refuse its input: such folders are not the library's (say, `my skill` with a space). */
function orNull<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch {
    return null;
  }
}

async function skillFolders(root: string, relative = "", depth = 0, found: string[] = []): Promise<string[]> {
  const entries = await fs
    .readdir(/*turbopackIgnore: true*/ path.join(root, relative), { withFileTypes: true })
    .catch(() => []);
  if (relative !== "" && entries.some((entry) => entry.isFile() && entry.name === "SKILL.md")) found.push(relative);
  if (depth >= MAX_DEPTH) return found;
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith("_") || entry.name.startsWith(".")) continue;
    await skillFolders(root, relative === "" ? entry.name : `${relative}/${entry.name}`, depth + 1, found);
  }
  return found;
}

/** One folder as a version; files whose names the library refuses are logged and left on disk. */
async function folderVersion(
  dir: string,
  skillPath: string,
  extra: { origin: "import" | "job"; jobId?: string; message: string },
  log: Logger,
): Promise<{ facts: SkillFacts; version: NewVersion } | null> {
  const files = [];
  for (const file of (await listTree(dir)).files) {
    try {
      files.push(fileData(file.relative, new Uint8Array(await fs.readFile(/*turbopackIgnore: true*/ file.absolute))));
    } catch (error) {
      log.warn({ skill: skillPath, file: file.relative, reason: errorMessage(error) }, "file not imported");
    }
  }
  try {
    return prepareVersion({ skillPath, files, authorId: AUTHOR, ...extra });
  } catch (error) {
    log.warn({ skill: skillPath, reason: errorMessage(error) }, "skill not imported");
    return null;
  }
}

async function folderSkills(root: string, message: string, log: Logger): Promise<ImportBatch["skills"]> {
  const skills: ImportBatch["skills"] = [];
  for (const relative of await skillFolders(root)) {
    const skillPath = orNull(() => parseTaxonomyPath(relative));
    const version =
      skillPath && (await folderVersion(path.join(root, relative), skillPath, { origin: "import", message }, log));
    if (version) skills.push(version);
    else log.warn({ folder: relative }, "skill folder not imported");
  }
  return skills;
}

async function draftSkillPath(dir: string): Promise<string | null> {
  try {
    const info = JSON.parse(await fs.readFile(/*turbopackIgnore: true*/ path.join(dir, "draft.json"), "utf8")) as {
      skillPath?: unknown;
    };
    return parseTaxonomyPath(info.skillPath);
  } catch {
    return null;
  }
}

async function folderDrafts(root: string, log: Logger): Promise<ImportBatch["drafts"]> {
  const drafts: ImportBatch["drafts"] = [];
  const base = path.join(root, "_drafts");
  for (const name of await fs.readdir(/*turbopackIgnore: true*/ base).catch(() => [] as string[])) {
    const jobId = orNull(() => parseJobId(name));
    const skillPath = jobId && (await draftSkillPath(path.join(base, name)));
    if (!jobId || !skillPath) continue;
    const dir = path.join(base, name, ...skillPath.split("/"));
    const message = "Draft imported from the skills folder";
    const version = await folderVersion(dir, skillPath, { origin: "job", jobId, message }, log);
    if (version) drafts.push({ jobId, ...version });
  }
  return drafts;
}

/** What the first start imports: the folder's skills and drafts, or the seed skills when it has none. */
export async function firstStartBatch(root: string, seedDir: string | null, log: Logger): Promise<ImportBatch> {
  const skills = await folderSkills(root, "Imported from the skills folder", log);
  const drafts = await folderDrafts(root, log);
  if (skills.length > 0 || drafts.length > 0 || !seedDir || !(await pathExists(seedDir))) return { skills, drafts };
  return { skills: await folderSkills(seedDir, "Example skill", log), drafts: [] };
}
