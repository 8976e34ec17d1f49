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

/** A task is 10–20,000 characters (after trimming); longer input is refused, never cut. */
export const TASK_MIN_CHARS = 10;
export const TASK_MAX_CHARS = 20_000;
