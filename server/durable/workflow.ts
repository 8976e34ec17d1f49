import type { z } from "zod";
import type { WorkflowContext } from "./engine";
import type { JsonObject } from "./types";

/** What a workflow returns: its result, and whether it finished clean or its result needs a review. */
export interface WorkflowOutcome {
  result: JsonObject;
  status?: "completed" | "pending_review";
}

export type Workflow = (ctx: WorkflowContext) => Promise<WorkflowOutcome>;

/**
 * A workflow plugged into the engine: its code, and the answers each of its checkpoint types accepts. The engine
 * validates every answer against its checkpoint's schema before it is stored, so a malformed answer is refused and
 * the checkpoint stays open. Workflows are registered at boot (server/services.ts); the engine knows them only
 * through this shape.
 */
export interface WorkflowDefinition {
  /** The name a job row records (Job.workflow). */
  name: string;
  run: Workflow;
  answers: Readonly<Record<string, z.ZodType<JsonObject>>>;
}

export type WorkflowLookup = (name: string) => WorkflowDefinition | undefined;

/** A lookup over a fixed list of definitions; a name registered twice is a programming error. */
export function workflowRegistry(definitions: readonly WorkflowDefinition[]): WorkflowLookup {
  const byName = new Map<string, WorkflowDefinition>();
  for (const definition of definitions) {
    if (byName.has(definition.name)) throw new Error(`Workflow '${definition.name}' is registered twice`);
    byName.set(definition.name, definition);
  }
  return (name) => byName.get(name);
}
