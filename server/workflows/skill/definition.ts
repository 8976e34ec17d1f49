import type { z } from "zod";
import { CHECKPOINT_SCHEMAS, CHECKPOINT_TYPES } from "../../../contracts/checkpoints";
import type { JsonObject } from "../../durable/types";
import type { WorkflowDefinition } from "../../durable/workflow";
import { skillWorkflow, type SkillWorkflowDeps } from "./skill-workflow";

/** Every checkpoint type's answers (contracts/checkpoints), as the engine validates them. */
export const CHECKPOINT_ANSWERS: WorkflowDefinition["answers"] = Object.fromEntries(
  CHECKPOINT_TYPES.map((type) => [type, CHECKPOINT_SCHEMAS[type].response as z.ZodType<JsonObject>]),
);

/** The skill workflow as the engine sees it: its code and the answers its checkpoints take. */
export const skillWorkflowDefinition = (deps: SkillWorkflowDeps): WorkflowDefinition => ({
  name: "skill",
  run: skillWorkflow(deps),
  answers: CHECKPOINT_ANSWERS,
});
