import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "../../../server/common/env";
import type { Database } from "../../../server/db/client";
import { createJobSystem } from "../../../server/durable/job-system";
import { prismaRepositories } from "../../../server/durable/repositories/index";
import { workflowRegistry } from "../../../server/durable/workflow";
import { jobSystemOptionsFromEnv } from "../../../server/services";
import { STAGING_MAX_AGE_MS, stagingName, sweepStaging } from "../../../server/skills/staging";
import { openTestDatabase } from "../../support/db";

/**
 * docs/architecture.md, Crash safety: a process killed while it writes a skill folder leaves its staging folder
 * under `<skills root>/_tmp`. The start-up sweep removes those of dead processes at once and anyone else's only when
 * they are far older than any write, so a live server's write in progress is never pulled from under it.
 */
let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "sf-staging-"));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** The pid of a process that has just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

async function stagingFolder(name: string, ageMs = 0): Promise<string> {
  const dir = path.join(root, "_tmp", name);
  await fs.mkdir(path.join(dir, "next", "python", "half-written"), { recursive: true });
  await fs.writeFile(path.join(dir, "next", "python", "half-written", "SKILL.md"), "---\nname: half");
  const at = new Date(Date.now() - ageMs);
  await fs.utimes(dir, at, at);
  return name;
}

const remaining = async () => (await fs.readdir(path.join(root, "_tmp"))).sort();

describe("staging folders left by a crash", () => {
  it("removes a dead process's at once, keeps live ones', removes anyone's once far older than any write", async () => {
    const dead = await stagingFolder(stagingName(deadPid()));
    const mine = await stagingFolder(stagingName());
    const parents = await stagingFolder(stagingName(process.ppid));
    const otherHost = await stagingFolder(`other-host.4242.${randomUUID()}`);
    const oldOtherHost = await stagingFolder(`other-host.4243.${randomUUID()}`, STAGING_MAX_AGE_MS + 60_000);
    const olderVersion = await stagingFolder(randomUUID());
    const oldOlderVersion = await stagingFolder(randomUUID(), STAGING_MAX_AGE_MS + 60_000);

    const removed = await sweepStaging(root);

    expect(removed.sort()).toEqual([dead, oldOtherHost, oldOlderVersion].sort());
    expect(await remaining()).toEqual([mine, parents, otherHost, olderVersion].sort());
  });

  it("is part of the runner's start-up sweep of a server", async () => {
    const saved = process.env.SKILL_FLEET_SKILLS_ROOT;
    process.env.SKILL_FLEET_SKILLS_ROOT = root;
    resetEnvForTests();
    const db: Database = await openTestDatabase();
    const system = createJobSystem(prismaRepositories(db.prisma), {
      ...jobSystemOptionsFromEnv(),
      workflows: workflowRegistry([]),
    });
    try {
      await stagingFolder(stagingName(deadPid()));
      const live = await stagingFolder(stagingName());
      await system.runner.start();
      expect(await remaining()).toEqual([live]); // the dead process's is gone
    } finally {
      await system.runner.stop();
      await db.close();
      if (saved === undefined) delete process.env.SKILL_FLEET_SKILLS_ROOT;
      else process.env.SKILL_FLEET_SKILLS_ROOT = saved;
      resetEnvForTests();
    }
  });

  it("finds nothing to do in a root without staging folders", async () => {
    expect(await sweepStaging(root)).toEqual([]);
  });
});
