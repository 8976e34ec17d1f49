import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "../../server/db/client";
import type { DatabaseTarget } from "../../server/db/connection";
import { createScratchDatabase, TEST_DATABASE_URL } from "../support/pg-scratch";
import { startTestServer } from "../support/test-server";
import { perSecond, pool, report, BENCH_SERVER_ENV } from "./support/figures";

/**
 * Job creation (docs/performance.md, Creation under load): `skills.create` over HTTP on the built server against raw
 * single-row Prisma inserts into the same database, and creation while the same server runs the jobs it creates. On
 * the embedded database, and on PostgreSQL with a pool when TEST_DATABASE_URL names a server
 * (`TEST_DATABASE_URL=$(bash scripts/pg.sh start) npm run bench`).
 */
const CREATIONS = Number(process.env.BENCH_CREATIONS ?? 1_000);
const CONCURRENCY = 16;

async function httpCreations(env: Record<string, string>, runJobs: boolean) {
  const server = await startTestServer({
    ...BENCH_SERVER_ENV,
    SKILL_FLEET_WORKFLOW: "demo",
    SKILL_FLEET_RUN_JOBS: String(runJobs),
    ...env,
  });
  try {
    const ms = await pool(CREATIONS, CONCURRENCY, async (i) => {
      const response = await fetch(`${server.url}/api/trpc/skills.create`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { task: `bench creation number ${i} steps=1` } }),
      });
      if (!response.ok) throw new Error(`skills.create failed: ${response.status} ${await response.text()}`);
    });
    return { perSecond: perSecond(CREATIONS, ms), server };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function rawInserts(target: DatabaseTarget): Promise<number> {
  const db: Database = await openDatabase(target, { migrate: false });
  try {
    const ms = await pool(CREATIONS, CONCURRENCY, async (i) => {
      await db.prisma.job.create({ data: { task: `raw insert number ${i}`, engine: "offline", workflow: "demo" } });
    });
    return perSecond(CREATIONS, ms);
  } finally {
    await db.close();
  }
}

/** The server holds the embedded database's folder lock: the raw inserts run on a copy after it stops. */
async function embeddedFigures(): Promise<void> {
  const api = await httpCreations({}, false);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "skill-fleet-bench-db-"));
  fs.cpSync(path.join(api.server.dataDir, "pglite"), copy, { recursive: true });
  await api.server.stop();
  const raw = await rawInserts({ kind: "pglite", dataDir: copy });
  fs.rmSync(copy, { recursive: true, force: true });
  const ratio = api.perSecond / raw;
  report({
    name: "skills.create over HTTP ÷ raw single-row Prisma insert (embedded)",
    value: api.perSecond,
    unit: "creations/s",
    baseline: { name: "raw prisma.job.create, same database", value: raw },
    goal: { text: "ratio ≥ 0.5", met: ratio >= 0.5 },
  });
  const busy = await httpCreations({}, true);
  await busy.server.stop();
  report({
    name: "skills.create while the same server runs the jobs (embedded)",
    value: busy.perSecond,
    unit: "creations/s",
    baseline: { name: "API-only server (no jobs run)", value: api.perSecond },
    goal: { text: "≥ 100/s", met: busy.perSecond >= 100 },
  });
}

async function postgresFigures(): Promise<void> {
  if (!TEST_DATABASE_URL) {
    console.log("  PostgreSQL creation figures skipped: set TEST_DATABASE_URL=$(bash scripts/pg.sh start)");
    return;
  }
  for (const runJobs of [false, true]) {
    const scratch = await createScratchDatabase();
    try {
      const http = await httpCreations({ DATABASE_URL: scratch.url }, runJobs);
      await http.server.stop();
      const raw = await rawInserts({ kind: "postgres", url: scratch.url });
      report({
        name: `skills.create over HTTP on PostgreSQL (pool of 10)${runJobs ? " while the server runs the jobs" : ""}`,
        value: http.perSecond,
        unit: "creations/s",
        baseline: { name: "raw prisma.job.create, same database and pool", value: raw },
        ...(runJobs ? {} : { goal: { text: "ratio ≥ 0.5", met: http.perSecond / raw >= 0.5 } }),
      });
    } finally {
      await scratch.drop();
    }
  }
}

await embeddedFigures();
await postgresFigures();
