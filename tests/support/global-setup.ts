import { PGlite } from "@electric-sql/pglite";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate, readMigrations } from "../../server/db/migrate";
import { pgliteSession } from "../../server/db/sql-session";

/**
 * initdb for an in-memory PGlite costs about 3 s; loading a dump of an already migrated one about 0.7 s. This
 * builds that dump once per set of migrations and hands its path to every test file.
 */
async function templatePath(): Promise<string> {
  const migrations = await readMigrations();
  const key = createHash("sha256")
    .update(migrations.map((m) => m.checksum).join())
    .digest("hex")
    .slice(0, 16);
  const file = path.join(os.tmpdir(), `skill-fleet-pglite-template-${key}.tar`);
  const exists = await fs.stat(file).then(
    () => true,
    () => false,
  );
  if (exists) return file;
  const pglite = await PGlite.create("memory://");
  await migrate(pgliteSession(pglite));
  const dump = await pglite.dumpDataDir("none");
  await pglite.close();
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, Buffer.from(await dump.arrayBuffer()));
  await fs.rename(temp, file);
  return file;
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide("pgliteTemplate", await templatePath());
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
