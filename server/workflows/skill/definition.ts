import type { z } from "zod";
import { CHECKPOINT_SCHEMAS, CHECKPOINT_TYPES } from "../../../contracts/checkpoints";
import type { JsonObject } from "../../durable/types";
import type { WorkflowDefinition } from "../../durable/workflow";
import { skillWorkflow } from "./skill-workflow";

/** The skill workflow as the engine sees it: its code and the answers its checkpoints take (contracts/checkpoints). */
export const skillWorkflowDefinition: WorkflowDefinition = {
  name: "skill",
  run: skillWorkflow,
  answers: Object.fromEntries(
    CHECKPOINT_TYPES.map((type) => [type, CHECKPOINT_SCHEMAS[type].response as z.ZodType<JsonObject>]),
  ),
};
