import { z } from "zod";

/**
 * The options of an improve job (docs/library.md, Improve): which version of which skill it starts from (the
 * server resolves a library skill, an upload or a pasted SKILL.md to a stored version first), the library version
 * its result must be promoted onto, and the checkpoints.
 */
export const improveJobOptionsSchema = z.object({
  sourceVersionId: z.uuid(),
  skillPath: z.string().min(1).max(400),
  /** The library version the result is a new version of (0: the skill is new to the library). */
  baseNumber: z.number().int().min(0),
  /** Stop at the preview (a diff against the original) before validation; on by default. */
  previewContent: z.boolean().default(true),
  streamTokens: z.boolean().default(false),
});
export type ImproveJobOptions = z.infer<typeof improveJobOptionsSchema>;

/** Instructions are 3–20,000 characters (after trimming). */
export const INSTRUCTIONS_MIN_CHARS = 3;
export const INSTRUCTIONS_MAX_CHARS = 20_000;
