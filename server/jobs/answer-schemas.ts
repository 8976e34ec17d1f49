import { z } from "zod";
import type { CheckpointType, JsonObject } from "./types";

/**
 * How an answer to each checkpoint type must look. For now any JSON object (the workflow issue tightens each
 * entry: clarify answers, structure fixes, {action, feedback}); hitl.answer validates through this map only.
 */
const anyObject = z.record(z.string(), z.json()) as z.ZodType<JsonObject>;

export const ANSWER_SCHEMAS: Record<CheckpointType, z.ZodType<JsonObject>> = {
  clarify: anyObject,
  structure_fix: anyObject,
  confirm: anyObject,
  preview: anyObject,
  validate: anyObject,
};
