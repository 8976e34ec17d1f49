import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AGENT_IDS, scopeRoot, type Places, type Scope } from "./agents";
import { InstallError } from "./errors";

/**
 * `skills-lock.json`: what `skill-fleet install` put where, so `check` and `update` know each installed skill's
 * library path, version and content hash, and the server it came from. The project's lock sits at the project
 * root (commit it with the skills); the user scope's at `~/.skill-fleet/skills-lock.json`.
 */
export const LOCK_FILE = "skills-lock.json";

const entryFields = {
  name: z.string().min(1),
  /** The skill's path in the library (`python/async`): with `folder`, what decides whose folder it is. */
  path: z.string().min(1),
  versionId: z.string().min(1),
  version: z.number().int().min(1),
  /** sha256 over the installed files (cli/install/content-hash.ts). */
  contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  server: z.url(),
  /** Where the skill was written, relative to the scope's root folder: one entry per folder. */
  folder: z.string().min(1),
  mode: z.enum(["copy", "link"]),
  installedAt: z.string(),
};

/** Every agent that loads the folder: agents that share a skills folder (codex, generic) share one installation. */
const lockEntrySchema = z.strictObject({ ...entryFields, agents: z.array(z.enum(AGENT_IDS)).min(1) });
const lockSchema = z.strictObject({ lockfileVersion: z.literal(2), skills: z.array(lockEntrySchema) });

/** Version 1 keyed entries by agent and name, so a folder two agents share could appear twice. */
const v1EntrySchema = z.strictObject({ ...entryFields, agent: z.enum(AGENT_IDS) });
const v1LockSchema = z.strictObject({ lockfileVersion: z.literal(1), skills: z.array(v1EntrySchema) });

export type LockEntry = z.infer<typeof lockEntrySchema>;
export type LockFile = z.infer<typeof lockSchema>;

/**
 * A version 1 lock read as version 2: entries for one folder become one, the latest install's (what is on disk),
 * loaded by every agent that had an entry for it. Written back as version 2 on the next install or update.
 */
function fromV1(lock: z.infer<typeof v1LockSchema>): LockFile {
  let next: LockFile = { lockfileVersion: 2, skills: [] };
  const byAge = [...lock.skills].sort((a, b) => a.installedAt.localeCompare(b.installedAt));
  for (const { agent, ...fields } of byAge) {
    const earlier = next.skills.find((entry) => entry.folder === fields.folder)?.agents ?? [];
    next = withEntry(next, { ...fields, agents: [...new Set([...earlier, agent])] });
  }
  return next;
}

/** The schema for the version the file says it is, so a bad lock's error is about that version's fields. */
const isV1 = (value: unknown): boolean => z.object({ lockfileVersion: z.literal(1) }).safeParse(value).success;
const schemaFor = (value: unknown) => (isV1(value) ? v1LockSchema.transform(fromV1) : lockSchema);

export function lockPath(scope: Scope, places: Places): string {
  return scope === "project"
    ? path.join(places.project, LOCK_FILE)
    : path.join(scopeRoot(scope, places), ".skill-fleet", LOCK_FILE);
}

/** The lock file, an empty one when there is none yet, or BAD_LOCK when it was edited into something else. */
export async function readLock(file: string): Promise<LockFile> {
  const text = await fs.readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (text === null) return { lockfileVersion: 2, skills: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InstallError("BAD_LOCK", `${file} is not valid JSON (${(error as Error).message}); fix or remove it`);
  }
  const parsed = schemaFor(value).safeParse(value);
  if (!parsed.success)
    throw new InstallError("BAD_LOCK", `${file} is not a skills lock file: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Written whole to a temporary file and renamed over the old one, so a crash never leaves half a lock. */
export async function writeLock(file: string, lock: LockFile): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, `${JSON.stringify(lock, null, 2)}\n`);
  await fs.rename(temporary, file);
}

/** The lock with `entry` as the one installation in its folder. */
export function withEntry(lock: LockFile, entry: LockEntry): LockFile {
  const others = lock.skills.filter((skill) => skill.folder !== entry.folder);
  return { ...lock, skills: [...others, entry].sort((a, b) => a.folder.localeCompare(b.folder)) };
}

/** The installation that owns a folder (relative to the scope's root), if skill-fleet made one there. */
export const entryFor = (lock: LockFile, folder: string): LockEntry | undefined =>
  lock.skills.find((entry) => entry.folder === folder);
