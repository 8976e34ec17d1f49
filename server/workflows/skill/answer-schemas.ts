import type { z } from "zod";
import { CHECKPOINT_SCHEMAS } from "../../../contracts/checkpoints";
import type { CheckpointType, JsonObject } from "../../durable/types";

/**
 * How an answer to each checkpoint type must look (server/workflow/checkpoints.ts); hitl.answer validates every
 * answer through this map before it is stored, so a malformed answer is refused and the checkpoint stays open.
 */
export const ANSWER_SCHEMAS: Record<CheckpointType, z.ZodType<JsonObject>> = {
  clarify: CHECKPOINT_SCHEMAS.clarify.response as z.ZodType<JsonObject>,
  structure_fix: CHECKPOINT_SCHEMAS.structure_fix.response as z.ZodType<JsonObject>,
  confirm: CHECKPOINT_SCHEMAS.confirm.response as z.ZodType<JsonObject>,
  preview: CHECKPOINT_SCHEMAS.preview.response as z.ZodType<JsonObject>,
  validate: CHECKPOINT_SCHEMAS.validate.response as z.ZodType<JsonObject>,
};
