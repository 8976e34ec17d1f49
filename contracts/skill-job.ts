import { z } from "zod";

/** The options of a skill job: which checkpoints to stop at, and whether to stream the model's tokens. */
export const skillJobOptionsSchema = z.strictObject({
  confirmPlan: z.boolean().default(false),
  previewContent: z.boolean().default(false),
  reviewValidation: z.boolean().default(false),
  streamTokens: z.boolean().default(false),
});
export type SkillJobOptions = z.infer<typeof skillJobOptionsSchema>;

export const NO_SKILL_JOB_OPTIONS: SkillJobOptions = skillJobOptionsSchema.parse({});

export { TASK_MAX_CHARS, TASK_MIN_CHARS } from "./limits";
