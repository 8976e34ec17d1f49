import type { WorkflowDefinition } from "../../durable/workflow";
import { evalWorkflow, type EvalWorkflowDeps } from "./eval-workflow";

/** The eval workflow as the engine sees it: no checkpoints (an eval asks nothing while it runs). */
export const evalWorkflowDefinition = (deps: EvalWorkflowDeps): WorkflowDefinition => ({
  name: "eval",
  run: evalWorkflow(deps),
  answers: {},
});
