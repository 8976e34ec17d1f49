import type { Logger } from "pino";
import { env } from "./common/env";
import { lazySingleton } from "./common/singleton";
import { getDatabase } from "./db/client";
import type { DatabaseTarget } from "./db/connection";
import { loadDevTools } from "./dev-tools";
import { createJobSystem, stopJobSystem, type JobSystem, type JobSystemOptions } from "./durable/job-system";
import { prismaRepositories } from "./durable/repositories";
import type { JobService } from "./durable/job-service";
import { workflowRegistry, type WorkflowDefinition } from "./durable/workflow";
import type { EventRelayOptions } from "./durable/event-relay";
import { libraryService, type LibraryService } from "./skills/library-service";
import { validationService, type ValidationService } from "./skills/validator/service";
import { engineName, systemInfo, type SystemInfo } from "./system/info";
import { PRODUCT_WORKFLOWS } from "./workflows/registry";
import { SkillJobs } from "./workflows/skill/skill-jobs";
import { libraryFor } from "./skills/library";
import { sweepStaging } from "./skills/staging";
import { loggerFor } from "./common/logger";

/**
 * The composition root: every service the API offers, built once per process at boot and handed to procedures
 * through the tRPC context (and to the download routes). Nothing else builds services or reaches for a global.
 */
export interface AppServices {
  /** The durable engine's use cases: get, list, timeline, stream, cancel, answer. */
  jobs: JobService;
  /** The skill workflow's: start a skill job, its draft, its archive, promotion. */
  skillJobs: SkillJobs;
  library: LibraryService;
  validation: ValidationService;
  system: { info(): Promise<SystemInfo> };
  /** The engine underneath, for start-up (its runner) and shutdown. */
  jobSystem: JobSystem;
}

export function createAppServices(jobSystem: JobSystem): AppServices {
  return {
    jobs: jobSystem.service,
    skillJobs: new SkillJobs({
      jobs: jobSystem.service,
      store: jobSystem.store,
      library: () => libraryFor(),
      engine: engineName,
      workflow: () => env().SKILL_FLEET_WORKFLOW,
    }),
    library: libraryService(),
    validation: validationService,
    system: { info: systemInfo },
    jobSystem,
  };
}

/** The workflows this process runs: the product's, plus dev/'s outside production. */
export async function registeredWorkflows(): Promise<WorkflowDefinition[]> {
  return [...PRODUCT_WORKFLOWS, ...(await loadDevTools())];
}

/** The skill workflows' part of the runner's sweep: staging folders a crash left under the skills root. */
async function sweepSkillStaging(): Promise<void> {
  const removed = await sweepStaging();
  if (removed.length > 0) loggerFor("skills").info({ removed }, "removed staging folders left by a crash");
}

export function jobSystemOptionsFromEnv(): Omit<JobSystemOptions, "workflows"> {
  const settings = env();
  return {
    runner: {
      maxConcurrent: settings.SKILL_FLEET_MAX_CONCURRENT_JOBS,
      leaseMs: settings.SKILL_FLEET_LEASE_MS,
      housekeeping: sweepSkillStaging,
    },
    checkpointTimeoutMs: settings.SKILL_FLEET_CHECKPOINT_TIMEOUT_HOURS * 3_600_000,
  };
}

/** PGlite is one process by construction: only a PostgreSQL server has other servers to hear from. */
function relayFor(target: DatabaseTarget): EventRelayOptions | undefined {
  return target.kind === "postgres"
    ? { url: target.url, connectTimeoutMs: env().DATABASE_CONNECT_TIMEOUT_MS }
    : undefined;
}

async function buildFromEnv(log?: Logger): Promise<AppServices> {
  const database = await getDatabase();
  const system = createJobSystem(prismaRepositories(database.prisma), {
    ...jobSystemOptionsFromEnv(),
    workflows: workflowRegistry(await registeredWorkflows()),
    relay: relayFor(database.target),
    log,
  });
  await system.relay?.start();
  return createAppServices(system);
}

const shared = lazySingleton("app-services", () => buildFromEnv());

/** The process's services, built on first use (single-flight: one store, one runner per process). */
export const getAppServices = shared.get;

/** Tests install services over their own job system as the process's. */
export const installAppServices = (services: AppServices): void => shared.set(services);

/** Stops the runner (jobs keep their state and resume on the next start) and the relay, and forgets the services. */
export async function stopAppServices(): Promise<void> {
  const services = await shared.reset();
  if (services) await stopJobSystem(services.jobSystem);
}
