import type { Logger } from "pino";
import { loggerFor } from "../common/logger";
import type { EngineDeps } from "./engine";
import { EventBus } from "./event-bus";
import { EventLog } from "./event-log";
import { EventRelay, type EventRelayOptions } from "./event-relay";
import { JobLifecycle } from "./job-lifecycle";
import { JobService } from "./job-service";
import { JobStore, type JobStoreOptions } from "./job-store";
import { JobWriter } from "./job-writer";
import type { Repositories } from "./repositories/contracts";
import { JobRunner, type RunnerOptions } from "./runner";
import type { WorkflowLookup } from "./workflow";

/** Everything the durable engine is made of, wired once per process (server/services.ts) or per test. */
export interface JobSystem {
  repos: Repositories;
  store: JobStore;
  events: EventLog;
  /** Every change of a job in one statement (docs/performance.md). */
  writer: JobWriter;
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
  /** The workflows jobs may name (registered at boot). */
  workflows: WorkflowLookup;
  log?: Logger;
  /** Set for a PostgreSQL shared by several servers: events are announced and heard over LISTEN/NOTIFY. */
  relay?: EventRelayOptions;
}

export function createJobSystem(repos: Repositories, options: JobSystemOptions): JobSystem {
  const log = options.log ?? loggerFor("jobs");
  const store = new JobStore(repos.jobs, options.store);
  const bus = new EventBus();
  const relay = options.relay ? new EventRelay({ bus, repo: repos.events, log }, options.relay) : undefined;
  const events = new EventLog(repos.events, bus, relay);
  const writer = new JobWriter(store, events, repos.jobs);
  const lifecycle = new JobLifecycle(writer);
  const engine: EngineDeps = {
    store,
    events,
    writer,
    steps: repos.steps,
    checkpoints: repos.checkpoints,
    checkpointTimeoutMs: options.checkpointTimeoutMs,
    log,
  };
  const runner = new JobRunner({ repos, engine, lifecycle, writer, log, workflows: options.workflows }, options.runner);
  const service = new JobService(store, events, repos, lifecycle, runner, options.workflows, writer);
  return { repos, store, events, writer, lifecycle, runner, service, relay };
}

/** Stops the runner (jobs keep their state and resume on the next start) and the relay. */
export async function stopJobSystem(system: JobSystem): Promise<void> {
  await system.runner.stop();
  await system.relay?.stop();
}
