import type { Logger } from "pino";
import { env } from "./common/env";
import { lazySingleton } from "./common/singleton";
import { getDatabase, type PrismaClient } from "./db/client";
import type { DatabaseTarget } from "./db/connection";
import { loadDevTools } from "./dev-tools";
import { createJobSystem, stopJobSystem, type JobSystem, type JobSystemOptions } from "./durable/job-system";
import { prismaRepositories } from "./durable/repositories";
import type { JobService } from "./durable/job-service";
import { workflowRegistry, type WorkflowDefinition } from "./durable/workflow";
import type { EventRelayOptions } from "./durable/event-relay";
import { createLibrary, DEFAULT_SEED_DIR, type Library, type SkillLibrary } from "./skills/library/index";
import { skillsRoot } from "./skills/paths";
import { prismaLibraryRepository } from "./skills/repositories/library-repository";
import { VersionRiskCache } from "./skills/security/version-risks";
import { validationService, type ValidationService } from "./skills/validator/service";
import { engineName, systemInfo, type SystemInfo } from "./system/info";
import { productWorkflows } from "./workflows/registry";
import { SkillJobs } from "./workflows/skill/skill-jobs";
import { ImproveJobs } from "./workflows/improve/improve-jobs";
import { EvalJobs } from "./workflows/eval/eval-jobs";
import { prismaEvalRuns } from "./workflows/eval/repositories/eval-runs";
import { prismaEvalFeedback } from "./workflows/eval/repositories/eval-feedback";
import { DescriptionDecisions } from "./workflows/eval/description-decision";
import { prismaEvalDecisions } from "./workflows/eval/repositories/eval-decisions";
import { loggerFor } from "./common/logger";
import { accessFromEnv, localAccess, type Access } from "./auth/access";
import { RateLimiter } from "./common/rate-limit";

/**
 * The composition root: every service the API offers, built once per process at boot and handed to procedures
 * through the tRPC context (and to the download routes). Nothing else builds services or reaches for a global.
 */
export interface AppServices {
  /** The durable engine's use cases: get, list, timeline, stream, cancel, answer. */
  jobs: JobService;
  /** The skill workflow's: start a skill job, its draft, its archive, promotion. */
  skillJobs: SkillJobs;
  /** The skill library in the database (docs/library.md): skills, versions, import/export, delete/restore. */
  library: SkillLibrary;
  /** Scans of library versions for the list and the history, cached per (immutable) version id. */
  versionRisks: VersionRiskCache;
  /** The improve workflow's: start an improve job from a skill and instructions. */
  improveJobs: ImproveJobs;
  /** The eval workflow's: start an eval of a draft or library skill, read its result (docs/evals.md). */
  evalJobs: EvalJobs;
  evalDescriptions: DescriptionDecisions;
  validation: ValidationService;
  system: { info(): Promise<SystemInfo> };
  /** Who is calling: local mode (a header) or shared mode (sign-in, API tokens); docs/security.md. */
  access: Access;
  /** Per-user limits on the costly actions (settings SKILL_FLEET_RATE_*). */
  limits: { jobs: RateLimiter; validations: RateLimiter };
  /** The engine underneath, for start-up (its runner) and shutdown. */
  jobSystem: JobSystem;
}

/** The library over `prisma`, importing the configured skills folder (or the seed skills) on first start. */
export function libraryOver(prisma: PrismaClient, root = skillsRoot()): Library {
  return createLibrary(prismaLibraryRepository(prisma), {
    root,
    seedDir: DEFAULT_SEED_DIR(),
    log: loggerFor("library"),
  });
}

function rateLimits(): AppServices["limits"] {
  return {
    jobs: new RateLimiter("skill jobs", () => env().SKILL_FLEET_RATE_JOBS_PER_MINUTE),
    validations: new RateLimiter("validations", () => env().SKILL_FLEET_RATE_VALIDATIONS_PER_MINUTE),
  };
}

export function createAppServices(jobSystem: JobSystem, library: Library, access: Access = localAccess): AppServices {
  return {
    jobs: jobSystem.service,
    skillJobs: new SkillJobs({
      jobs: jobSystem.service,
      drafts: library.drafts,
      engine: engineName,
      workflow: () => env().SKILL_FLEET_WORKFLOW,
    }),
    library: library.library,
    versionRisks: new VersionRiskCache(async (id) => (await library.library.version(id)).files),
    improveJobs: new ImproveJobs({ jobs: jobSystem.service, library: library.library, engine: engineName }),
    evalJobs: new EvalJobs({
      jobs: jobSystem.service,
      library: library.library,
      drafts: library.drafts,
      runs: async () => prismaEvalRuns((await getDatabase()).prisma),
      feedback: async () => prismaEvalFeedback((await getDatabase()).prisma),
    }),
    evalDescriptions: new DescriptionDecisions({
      jobs: jobSystem.service,
      library: library.library,
      drafts: library.drafts,
      decisions: async () => prismaEvalDecisions((await getDatabase()).prisma),
    }),
    validation: validationService,
    system: { info: systemInfo },
    access,
    limits: rateLimits(),
    jobSystem,
  };
}

/** The workflows this process runs: the product's, plus dev/'s outside production. */
export async function registeredWorkflows(library: Library): Promise<WorkflowDefinition[]> {
  return [...productWorkflows(library), ...(await loadDevTools())];
}

export function jobSystemOptionsFromEnv(): Omit<JobSystemOptions, "workflows"> {
  const settings = env();
  return {
    runner: {
      maxConcurrent: settings.SKILL_FLEET_MAX_CONCURRENT_JOBS,
      leaseMs: settings.SKILL_FLEET_LEASE_MS,
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
  const library = libraryOver(database.prisma);
  const system = createJobSystem(prismaRepositories(database.prisma), {
    ...jobSystemOptionsFromEnv(),
    workflows: workflowRegistry(await registeredWorkflows(library)),
    relay: relayFor(database.target),
    log,
  });
  await system.relay?.start();
  await library.ready();
  return createAppServices(system, library, accessFromEnv(database.prisma));
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
