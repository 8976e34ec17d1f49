import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { resetEnvForTests } from "../../server/common/env";
import { useDatabase as installDatabase, type Database } from "../../server/db/client";
import type { JobSystem } from "../../server/durable/job-system";
import { createAppServices, installAppServices, libraryOver } from "../../server/services";
import { openTestDatabase } from "./db";
import { startHttpApp, type HttpApp } from "./http-app";
import { sleep, testJobSystem } from "./jobs";
import { skillMd } from "./library";
import { nodeClient } from "./trpc-client";

/**
 * The skill workflow behind the real tRPC endpoint over HTTP, in this process: a fresh database and skills root,
 * the job system with its runner, and a Node client. `useModel` switches the engine (offline or a scripted
 * scenario) between jobs, as SKILL_FLEET_MODEL would for a server.
 */
export interface WorkflowHarness {
  db: Database;
  system: JobSystem;
  app: HttpApp;
  skillsRoot: string;
  client: ReturnType<typeof nodeClient>;
  useModel(model: string | null, extra?: Record<string, string>): void;
  close(): Promise<void>;
}

const MODEL_SETTINGS = [
  "SKILL_FLEET_LLM_BASE_URL",
  "SKILL_FLEET_OPENAI_BASE_URL",
  "SKILL_FLEET_ANTHROPIC_BASE_URL",
  "SKILL_FLEET_LLM_TIMEOUT_MS",
  "OPENAI_API_KEY",
  "ANTHROPIC_API_KEY",
];

const TOUCHED = [
  "SKILL_FLEET_MODEL",
  ...MODEL_SETTINGS,
  "SKILL_FLEET_ALLOW_LLM_FALLBACK",
  "SKILL_FLEET_SKILLS_ROOT",
  "SKILL_FLEET_WORKFLOW",
];

export async function startWorkflowHarness(): Promise<WorkflowHarness> {
  const saved = Object.fromEntries(TOUCHED.map((k) => [k, process.env[k]]));
  const skillsRoot = await fs.mkdtemp(path.join(os.tmpdir(), "sf-skills-"));
  const setEnv = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) Reflect.deleteProperty(process.env, key);
      else process.env[key] = value;
    }
    resetEnvForTests();
  };
  setEnv({ SKILL_FLEET_SKILLS_ROOT: skillsRoot, SKILL_FLEET_WORKFLOW: "skill", SKILL_FLEET_MODEL: undefined });
  const db = await openTestDatabase();
  installDatabase(db);
  const library = libraryOver(db.prisma);
  const system = testJobSystem(db, { runner: { leaseMs: 30_000 }, library });
  installAppServices(createAppServices(system, library));
  await system.runner.start();
  const app = await startHttpApp();
  return {
    db,
    system,
    app,
    skillsRoot,
    client: nodeClient(app.url),
    // A switch of model starts from no model settings: what one test set for its provider does not leak to the next.
    useModel: (model, extra = {}) =>
      setEnv({
        ...Object.fromEntries(MODEL_SETTINGS.map((key) => [key, undefined])),
        SKILL_FLEET_MODEL: model ?? undefined,
        SKILL_FLEET_ALLOW_LLM_FALLBACK: "true",
        ...extra,
      }),
    close: async () => {
      await app.close();
      await system.runner.stop();
      await db.close();
      await fs.rm(skillsRoot, { recursive: true, force: true });
      setEnv(saved);
    },
  };
}

type Client = WorkflowHarness["client"];
export type JobView = Awaited<ReturnType<Client["jobs"]["get"]["query"]>>;

/** Polls jobs.get until the job reaches one of `statuses`. */
export async function waitForJob(
  client: Client,
  jobId: string,
  statuses: string[],
  timeoutMs = 30_000,
): Promise<JobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await client.jobs.get.query({ jobId });
    if (statuses.includes(job.status)) return job;
    if (Date.now() > deadline)
      throw new Error(
        `job ${jobId} is ${job.status}${job.error ? ` (${job.error})` : ""}, expected ${statuses.join("|")}`,
      );
    await sleep(25);
  }
}

export const WAITING = ["pending_user_input", "pending_hitl"];
export const FINISHED = ["completed", "pending_review", "failed", "cancelled"];

/** Waits for the job to stop at a checkpoint of `type` (or fail the test if it finishes instead). */
export async function waitForCheckpoint(
  client: Client,
  jobId: string,
  type: string,
): Promise<NonNullable<JobView["pendingCheckpoint"]>> {
  const job = await waitForJob(client, jobId, [...WAITING, ...FINISHED]);
  if (job.pendingCheckpoint?.type !== type)
    throw new Error(
      `expected a ${type} checkpoint, job is ${job.status} at ${job.pendingCheckpoint?.type ?? "no checkpoint"}`,
    );
  return job.pendingCheckpoint;
}

/** A job's draft as the API serves it (from the database), keyed `<folder>/<path>` as the validator's file map. */
export async function draftFileMap(client: WorkflowHarness["client"], jobId: string): Promise<Record<string, string>> {
  const draft = await client.drafts.get.query({ jobId });
  const folder = draft.skillPath.split("/").at(-1) ?? "skill";
  return Object.fromEntries(draft.files.map((file) => [`${folder}/${file.path}`, file.content]));
}

/** A functional eval case as `evals/evals.json` writes it (skill-creator's `expectations`). */
export interface EvalCaseFile {
  id: number;
  prompt: string;
  expectations: string[];
}

/** Imports a library skill whose SKILL.md has `body` and whose `evals/evals.json` lists `cases`, over the API. */
export async function importEvalSkill(
  client: Client,
  path: string,
  skill: { description: string; body: string; cases: EvalCaseFile[] },
): Promise<void> {
  const files = [
    { path: "SKILL.md", text: skillMd(path.split("/").at(-1) ?? "x", skill.description, skill.body) },
    { path: "evals/evals.json", text: JSON.stringify({ evals: skill.cases }) },
  ];
  await client.library.import.mutate({ path, files });
}
