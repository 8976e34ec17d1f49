import { errorMessage } from "../common/errors";
import { loggerFor } from "../common/logger";
import type { PrismaClient } from "../db/client";
import { appliedMigrations, ping } from "./repositories/health-queries";

/**
 * Readiness (`GET /api/ready`, docs/operations.md): the database answers, every migration this code knows is
 * applied, and the job runner's loop turns (when this server runs jobs). Each check has a deadline, so a hung
 * database makes the probe fail instead of hang; the answer names the check that failed, never internal details
 * (those go to the log).
 */
export type CheckName = "database" | "migrations" | "runner";

export interface CheckResult {
  name: CheckName;
  ok: boolean;
  detail: string;
}

export interface RunnerHealth {
  running: boolean;
  lastSweepAt: number | null;
  sweepMs: number;
}

export interface ReadinessDeps {
  prisma: () => Promise<PrismaClient>;
  /** The migrations this code ships (their folder names). */
  knownMigrations: () => Promise<string[]>;
  /** Null when this server runs no jobs (SKILL_FLEET_RUN_JOBS=false). */
  runner: () => Promise<RunnerHealth | null>;
  timeoutMs?: number;
  now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 2_000;
/** A sweep may be late under load (it runs at background priority): three intervals and some slack. */
const SWEEP_SLACK_MS = 10_000;

/** A failure whose words are safe to show a client (a pending migration's name, a stopped runner). */
class Shown extends Error {}

class Timeout extends Error {}

async function withDeadline<T>(work: () => Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const failureWords: Record<CheckName, string> = {
  database: "the database did not answer",
  migrations: "the applied migrations could not be read",
  runner: "the job runner could not be asked",
};

async function check(name: CheckName, ms: number, run: () => Promise<string>): Promise<CheckResult> {
  try {
    return { name, ok: true, detail: await withDeadline(run, ms) };
  } catch (error) {
    if (!(error instanceof Shown)) loggerFor("ready").warn({ check: name, err: errorMessage(error) }, "not ready");
    const shown = error instanceof Shown || error instanceof Timeout;
    return { name, ok: false, detail: shown ? error.message : failureWords[name] };
  }
}

async function migrationsDetail(deps: ReadinessDeps): Promise<string> {
  const [known, applied] = await Promise.all([deps.knownMigrations(), deps.prisma().then(appliedMigrations)]);
  const pending = known.filter((name) => !applied.includes(name));
  if (pending.length > 0) throw new Shown(`${pending.length} not applied: ${pending.join(", ")}`);
  return `${known.length} applied`;
}

function runnerDetail(health: RunnerHealth | null, now: number): string {
  if (!health) return "this server runs no jobs (SKILL_FLEET_RUN_JOBS=false)";
  if (!health.running) throw new Shown("the runner is not running");
  const late = health.lastSweepAt === null || now - health.lastSweepAt > 3 * health.sweepMs + SWEEP_SLACK_MS;
  if (late) throw new Shown("the runner has not swept recently");
  return "sweeping";
}

export async function readiness(deps: ReadinessDeps): Promise<{ ready: boolean; checks: CheckResult[] }> {
  const ms = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = deps.now ?? Date.now;
  const checks = await Promise.all([
    check("database", ms, async () => {
      await ping(await deps.prisma());
      return "answers";
    }),
    check("migrations", ms, () => migrationsDetail(deps)),
    check("runner", ms, async () => runnerDetail(await deps.runner(), now())),
  ]);
  return { ready: checks.every((c) => c.ok), checks };
}
