import type { WorkflowDefinition } from "../server/durable/workflow";
import { registerScriptedProvider } from "../server/llm/providers";
import { demoWorkflowDefinition } from "./demo-workflow";
import { createScriptedModel } from "./scripted/model";
import { scenarioNames } from "./scripted/scenarios";

/**
 * Development and test tools, loaded only by a process that is not a production one (server/dev-tools.ts): the
 * scripted language model (`SKILL_FLEET_MODEL=scripted:<scenario>`) and the engine's demo workflow
 * (`SKILL_FLEET_WORKFLOW=demo`).
 */
export const DEV_WORKFLOWS: readonly WorkflowDefinition[] = [demoWorkflowDefinition];

export function registerDevTools(): void {
  registerScriptedProvider({ create: createScriptedModel, scenarios: scenarioNames });
}
