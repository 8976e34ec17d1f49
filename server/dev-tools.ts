import { env } from "./common/env";
import { lazySingleton } from "./common/singleton";
import type { WorkflowDefinition } from "./durable/workflow";

/**
 * The one door from the product to dev/ (the scripted model and the demo workflow). A production process never
 * loads it: env.ts already refuses `scripted:` models and the demo workflow there, and this returns nothing.
 * Elsewhere (development, tests) dev/ is imported on first use and registers its scripted model provider.
 */
const devTools = lazySingleton("dev-tools", async (): Promise<readonly WorkflowDefinition[]> => {
  if (env().NODE_ENV === "production") return [];
  const dev = await import("../dev/register");
  dev.registerDevTools();
  return dev.DEV_WORKFLOWS;
});

/** Loads dev/ when allowed; returns the workflows it adds (none in production). */
export const loadDevTools = devTools.get;
