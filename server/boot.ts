import { EnvError, env } from "./common/env";
import { loggerFor } from "./common/logger";
import { closeDatabase, getDatabase } from "./db/client";
import { loadDevTools } from "./dev-tools";
import { assertModelConfiguration } from "./llm/models";
import { getAppServices, stopAppServices } from "./services";

/**
 * Server start-up (called from instrumentation.ts in the Node runtime): validate the settings, open and migrate
 * the database, build the services (server/services.ts) and start the runner; close everything cleanly on
 * shutdown (PGlite must be closed and its lock released).
 */
let shuttingDown = false;

async function shutdown(signal: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  loggerFor("boot").info({ signal }, "shutting down");
  await stopAppServices().catch(() => undefined);
  await closeDatabase().catch(() => undefined);
  process.exit(0);
}

export async function startServer(): Promise<void> {
  try {
    env();
    await loadDevTools(); // the scripted test model must be registered before the model configuration is checked
    // A chosen provider without its key (or an unknown scripted scenario) stops the server here, not mid-job.
    assertModelConfiguration();
    const database = await getDatabase();
    const services = await getAppServices();
    // Resumes jobs a previous run left behind (expired leases), then keeps sweeping.
    if (env().SKILL_FLEET_RUN_JOBS) await services.jobSystem.runner.start();
    loggerFor("boot").info(
      { database: database.description, engine: env().SKILL_FLEET_MODEL ?? "offline" },
      "Skill Fleet ready",
    );
  } catch (error) {
    const message = error instanceof EnvError || error instanceof Error ? error.message : String(error);
    console.error(`\nSkill Fleet cannot start:\n${message}\n`);
    process.exit(1);
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void shutdown(signal));
}
