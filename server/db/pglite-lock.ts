import { readFileSync, rmSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { isProcessAlive } from "../common/process";

/**
 * PGlite runs PostgreSQL in single-user mode inside this process: two processes opening one data folder both
 * succeed and silently lose each other's writes (notes/pglite.md). This exclusive lock file makes the second
 * process fail at once with a message that says what to do. A lock left by a dead process is taken over.
 */
export const LOCK_FILE = ".skill-fleet.lock";

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is already in use by process ${pid}. ` +
        `Only one Skill Fleet process can open it at a time: stop that process (or the other "npm run" command), ` +
        `or point DATABASE_URL at another folder (pglite:./data/other) or at a PostgreSQL server.`,
    );
    this.name = "DataDirLockedError";
  }
}

async function readOwner(lockPath: string): Promise<number | null> {
  const text = await fs.readFile(lockPath, "utf8").catch(() => "");
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isFinite(pid) && pid > 0 ? pid : null;
}

function releaseSync(lockPath: string): void {
  try {
    if (readFileSync(lockPath, "utf8").trim() === String(process.pid)) rmSync(lockPath, { force: true });
  } catch {
    // already gone
  }
}

/** Takes the lock or throws DataDirLockedError; returns the release function. */
export async function acquireDataDirLock(dataDir: string): Promise<() => Promise<void>> {
  await fs.mkdir(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(lockPath, String(process.pid), { flag: "wx" });
      const releaseOnExit = () => releaseSync(lockPath);
      // Next.js exits on SIGTERM without awaiting our async shutdown; the exit hook still frees the folder.
      process.once("exit", releaseOnExit);
      return async () => {
        process.off("exit", releaseOnExit);
        if ((await readOwner(lockPath)) === process.pid) await fs.rm(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = await readOwner(lockPath);
      if (owner !== null && owner !== process.pid && isProcessAlive(owner))
        throw new DataDirLockedError(dataDir, owner);
      if (owner === process.pid) throw new DataDirLockedError(dataDir, owner);
      await fs.rm(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
