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

const lockEntrySchema = z.strictObject({
  name: z.string().min(1),
  agent: z.enum(AGENT_IDS),
  /** The skill's path in the library (`python/async`). */
  path: z.string().min(1),
  versionId: z.string().min(1),
  version: z.number().int().min(1),
  /** sha256 over the installed files (cli/install/content-hash.ts). */
  contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  server: z.url(),
  /** Where the skill was written, relative to the scope's root folder. */
  folder: z.string().min(1),
  mode: z.enum(["copy", "link"]),
  installedAt: z.string(),
});

const lockSchema = z.strictObject({ lockfileVersion: z.literal(1), skills: z.array(lockEntrySchema) });

export type LockEntry = z.infer<typeof lockEntrySchema>;
export type LockFile = z.infer<typeof lockSchema>;

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
  if (text === null) return { lockfileVersion: 1, skills: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InstallError("BAD_LOCK", `${file} is not valid JSON (${(error as Error).message}); fix or remove it`);
  }
  const parsed = lockSchema.safeParse(value);
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

export function withEntry(lock: LockFile, entry: LockEntry): LockFile {
  const others = lock.skills.filter((skill) => !(skill.agent === entry.agent && skill.name === entry.name));
  return {
    ...lock,
    skills: [...others, entry].sort((a, b) => `${a.agent}/${a.name}`.localeCompare(`${b.agent}/${b.name}`)),
  };
}
