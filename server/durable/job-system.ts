import type { Logger } from "pino";
import { env } from "../common/env";
import { loggerFor } from "../common/logger";
import { lazySingleton } from "../common/singleton";
import { getDatabase } from "../db/client";
import type { DatabaseTarget } from "../db/connection";
import type { EngineDeps, Workflow } from "./engine";
import { findWorkflow } from "../workflows/registry";
import { EventBus } from "./event-bus";
import { EventLog } from "./event-log";
import { EventRelay, type EventRelayOptions } from "./event-relay";
import { JobLifecycle } from "./job-lifecycle";
import { JobService } from "./job-service";
import { JobStore, type JobStoreOptions } from "./job-store";
import { prismaRepositories } from "./repositories/index";
import type { Repositories } from "./repositories/contracts";
import { JobRunner, type RunnerOptions } from "./runner";

/** Everything the job engine is made of, wired once per process (or per test). */
export interface JobSystem {
  repos: Repositories;
  store: JobStore;
  events: EventLog;
  lifecycle: JobLifecycle;
  runner: JobRunner;
  service: JobService;
  /** Live events from other servers (PostgreSQL only); start it with `relay.start()`, stop it on shutdown. */
  relay?: EventRelay;
}

export interface JobSystemOptions {
  runner: RunnerOptions;
  store?: JobStoreOptions;
  checkpointTimeoutMs: number;
  log?: Logger;
  /** Where the runner finds workflows by name (tests add their own); default: the registry. */
  workflows?: (name: string) => Workflow | undefined;
  /** Set for a PostgreSQL shared by several servers: events are announced and heard over LISTEN/NOTIFY. */
  relay?: EventRelayOptions;
}

export function createJobSystem(repos: Repositories, options: JobSystemOptions): JobSystem {
  const log = options.log ?? loggerFor("jobs");
  const store = new JobStore(repos.jobs, options.store);
  const bus = new EventBus();
  const relay = options.relay ? new EventRelay({ bus, repo: repos.events, log }, options.relay) : undefined;
  const events = new EventLog(repos.events, bus, relay);
  const lifecycle = new JobLifecycle(store, events, repos.jobs, repos.checkpoints);
  const engine: EngineDeps = {
    store,
    events,
    steps: repos.steps,
    checkpoints: repos.checkpoints,
    checkpointTimeoutMs: options.checkpointTimeoutMs,
    log,
  };
  const runner = new JobRunner(
    { repos, engine, lifecycle, log, workflows: options.workflows ?? findWorkflow },
    options.runner,
  );
  const service = new JobService(store, events, repos, lifecycle, runner);
  return { repos, store, events, lifecycle, runner, service, relay };
}

export function jobSystemOptionsFromEnv(): JobSystemOptions {
  const settings = env();
  return {
    runner: { maxConcurrent: settings.SKILL_FLEET_MAX_CONCURRENT_JOBS, leaseMs: settings.SKILL_FLEET_LEASE_MS },
    checkpointTimeoutMs: settings.SKILL_FLEET_CHECKPOINT_TIMEOUT_HOURS * 3_600_000,
  };
}

/** PGlite is one process by construction: only a PostgreSQL server has other servers to hear from. */
function relayFor(target: DatabaseTarget): EventRelayOptions | undefined {
  return target.kind === "postgres"
    ? { url: target.url, connectTimeoutMs: env().DATABASE_CONNECT_TIMEOUT_MS }
    : undefined;
}

const shared = lazySingleton("job-system", async () => {
  const database = await getDatabase();
  const system = createJobSystem(prismaRepositories(database.prisma), {
    ...jobSystemOptionsFromEnv(),
    relay: relayFor(database.target),
  });
  await system.relay?.start();
  return system;
});

/** The process's job engine, built on first use (single-flight: one store, one runner per process). */
export const getJobSystem = shared.get;

/** Tests install their own system (over their own database) as the process's. */
export const useJobSystem = shared.set;

/** Stops the runner (jobs keep their state and resume on the next start) and the relay, and forgets the system. */
export async function stopJobSystem(): Promise<void> {
  const system = await shared.reset();
  await system?.runner.stop();
  await system?.relay?.stop();
}
