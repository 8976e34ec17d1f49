import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../../server/db/client";
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE } from "../../../server/db/pglite-lock";

const run = promisify(execFile);
const TSX = path.resolve("node_modules/.bin/tsx");
const CHILD = path.resolve("tests/support/open-db-child.ts");

/** Opens the folder from a second, real process; resolves with its exit code and output. */
async function openFromAnotherProcess(dataDir: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(TSX, [CHILD], {
      env: { ...process.env, DATABASE_URL: `pglite:${dataDir}` },
      timeout: 60_000,
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, out: failed.stderr };
  }
}

let dataDir: string;

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "sf-pglite-"));
});
afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe("embedded database folder lock", () => {
  it("refuses a second process with a clear message while the first has the folder open", async () => {
    const first = await openDatabase({ kind: "pglite", dataDir });
    try {
      await first.prisma.job.create({ data: { task: "written by the first process", engine: "offline" } });
      const second = await openFromAnotherProcess(dataDir);
      expect(second.code).toBe(3);
      expect(second.out).toContain(`The embedded database in ${dataDir} is already in use by process ${process.pid}`);
      expect(second.out).toMatch(/point DATABASE_URL at another folder/);
    } finally {
      await first.close();
    }
    // Once the first process has closed it, the folder opens elsewhere and nothing was lost.
    const later = await openFromAnotherProcess(dataDir);
    expect(later).toEqual({ code: 0, out: expect.stringContaining("with 1 jobs") });
  });

  it("takes over a lock left by a process that no longer exists", async () => {
    await fs.writeFile(path.join(dataDir, LOCK_FILE), "999999999");
    const release = await acquireDataDirLock(dataDir);
    expect(await fs.readFile(path.join(dataDir, LOCK_FILE), "utf8")).toBe(String(process.pid));
    await release();
    await expect(fs.stat(path.join(dataDir, LOCK_FILE))).rejects.toThrow();
  });

  it("refuses a second open of the same folder inside one process too", async () => {
    const release = await acquireDataDirLock(dataDir);
    try {
      await expect(acquireDataDirLock(dataDir)).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      await release();
    }
  });
});
