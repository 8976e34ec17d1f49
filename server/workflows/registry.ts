import type { WorkflowDefinition } from "../durable/workflow";
import { skillWorkflowDefinition } from "./skill/definition";

/**
 * The product's workflows. A job row records the name of the one that runs it (Job.workflow); server/services.ts
 * registers these (and dev/'s outside production) with the engine at boot.
 */
export const PRODUCT_WORKFLOWS: readonly WorkflowDefinition[] = [skillWorkflowDefinition];
