import type { WorkflowDefinition } from "../../durable/workflow";
import { CHECKPOINT_ANSWERS } from "../skill/definition";
import { improveWorkflow, type ImproveWorkflowDeps } from "./improve-workflow";

/** The improve workflow as the engine sees it; its preview checkpoint takes the skill workflow's answers. */
export const improveWorkflowDefinition = (deps: ImproveWorkflowDeps): WorkflowDefinition => ({
  name: "improve",
  run: improveWorkflow(deps),
  answers: CHECKPOINT_ANSWERS,
});
