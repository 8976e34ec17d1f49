import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/db/client";
import { readMigrations } from "../../../server/db/migrate";
import { scrapeMetrics } from "../../../server/system/metrics-scrape";
import { readiness, type ReadinessDeps, type RunnerHealth } from "../../../server/system/readiness";
import { openTestDatabase } from "../../support/db";

/** Readiness (docs/operations.md) over a real database: each check passes, and each failure is named. */
let db: Database;
const known = async () => (await readMigrations()).map((m) => m.name);
const sweeping: RunnerHealth = { running: true, lastSweepAt: Date.now(), sweepMs: 30_000 };

function deps(over: Partial<ReadinessDeps> = {}): ReadinessDeps {
  return { prisma: async () => db.prisma, knownMigrations: known, runner: async () => sweeping, ...over };
}

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await db?.close().catch(() => undefined);
});

describe("readiness", () => {
  it("is ready when the database answers, every migration is applied and the runner sweeps", async () => {
    const result = await readiness(deps());
    expect(result.ready).toBe(true);
    expect(result.checks.map((c) => [c.name, c.ok])).toEqual([
      ["database", true],
      ["migrations", true],
      ["runner", true],
    ]);
  });

  it("names a migration the database lacks", async () => {
    const result = await readiness(deps({ knownMigrations: async () => [...(await known()), "9999_not_applied"] }));
    expect(result.ready).toBe(false);
    expect(result.checks.find((c) => c.name === "migrations")).toEqual({
      name: "migrations",
      ok: false,
      detail: "1 not applied: 9999_not_applied",
    });
  });

  it("fails the runner check when the runner stopped or stopped sweeping, and passes when it runs no jobs", async () => {
    const stopped = await readiness(deps({ runner: async () => ({ ...sweeping, running: false }) }));
    expect(stopped.checks.find((c) => c.name === "runner")?.detail).toBe("the runner is not running");
    const stale = await readiness(deps({ runner: async () => ({ ...sweeping, lastSweepAt: Date.now() - 200_000 }) }));
    expect(stale.checks.find((c) => c.name === "runner")?.ok).toBe(false);
    const none = await readiness(deps({ runner: async () => null }));
    expect(none.ready).toBe(true);
  });

  it("fails within its deadline when a check hangs", async () => {
    const started = Date.now();
    const result = await readiness(deps({ runner: () => new Promise(() => undefined), timeoutMs: 200 }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.checks.find((c) => c.name === "runner")).toEqual({
      name: "runner",
      ok: false,
      detail: "no answer within 200 ms",
    });
  });

  it("scrapes the job gauges from the database", async () => {
    const text = await scrapeMetrics(db.prisma);
    expect(text).toContain("# TYPE skill_fleet_jobs gauge");
    expect(text).toContain("# TYPE skill_fleet_jobs_waiting_oldest_seconds gauge");
  });

  it("reports the database and the migrations as failed once the database is closed", async () => {
    await db.close();
    const result = await readiness(deps());
    expect(result.ready).toBe(false);
    const failed = result.checks.filter((c) => !c.ok).map((c) => c.name);
    expect(failed).toEqual(["database", "migrations"]);
    expect(result.checks.find((c) => c.name === "database")?.detail).toBe("the database did not answer");
  });
});
