import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { isProcessAlive } from "../common/process";
import { safePath, skillsRoot } from "./paths";

/**
 * Staging folders (docs/architecture.md, Crash safety). Every skill folder is built under `<root>/_tmp/<name>` and
 * renamed into place, so a crash leaves at most a staging folder behind, never half a skill. The name says which
 * process made it (`<host>.<pid>.<uuid>`), so the sweep tells a dead process's leftovers from a live one's work:
 * - a folder of this host whose process is gone is removed at once;
 * - any other folder (another host sharing the root, a name of an older version) once it is older than
 *   STAGING_MAX_AGE_MS, far longer than any write takes.
 */
export const STAGING_MAX_AGE_MS = 60 * 60_000;

const HOST =
  os
    .hostname()
    .replace(/[^A-Za-z0-9-]/g, "-")
    .slice(0, 40) || "host";
const NAME = /^([A-Za-z0-9-]+)\.(\d+)\.[0-9a-f-]{36}$/;

/** A fresh staging folder's name, owned by this process (or by `pid` of this host). */
export const stagingName = (pid = process.pid): string => `${HOST}.${pid}.${randomUUID()}`;

function leftBehind(name: string, modifiedAt: number, now: number): boolean {
  const owner = NAME.exec(name);
  const pid = Number(owner?.[2]);
  if (owner?.[1] === HOST && pid !== process.pid && !isProcessAlive(pid)) return true;
  return now - modifiedAt > STAGING_MAX_AGE_MS;
}

/** Removes the staging folders crashed processes left; returns their names. */
export async function sweepStaging(root = skillsRoot(), now = Date.now()): Promise<string[]> {
  const dir = await safePath(root, "_tmp");
  const entries = await fs.readdir(/*turbopackIgnore: true*/ dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of entries) {
    const stat = await fs.lstat(/*turbopackIgnore: true*/ path.join(dir, name)).catch(() => null);
    if (!stat || !leftBehind(name, stat.mtimeMs, now)) continue;
    await fs.rm(/*turbopackIgnore: true*/ path.join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
