import type { WorkflowDefinition } from "../durable/workflow";
import { evalWorkflowDefinition } from "./eval/definition";
import { improveWorkflowDefinition } from "./improve/definition";
import { skillWorkflowDefinition } from "./skill/definition";
import type { SkillWorkflowDeps } from "./skill/skill-workflow";

/**
 * The product's workflows. A job row records the name of the one that runs it (Job.workflow); server/services.ts
 * registers these (and dev/'s outside production) with the engine at boot, over the process's library.
 */
export type WorkflowDeps = SkillWorkflowDeps;

export function productWorkflows(deps: WorkflowDeps): WorkflowDefinition[] {
  return [skillWorkflowDefinition(deps), improveWorkflowDefinition(deps), evalWorkflowDefinition(deps)];
}
