import { z } from "zod";
import { jobIdInput } from "../jobs/schemas";

/** Wire shapes of the drafts area (a job's draft skill and its promotion into the library). */
export { jobIdInput };

export const draftOutput = z.object({
  skillPath: z.string(),
  promoted: z.boolean(),
  files: z.array(z.object({ path: z.string(), content: z.string() })),
});

export const promoteInput = jobIdInput.extend({
  overwrite: z.boolean().default(false),
  force: z.boolean().default(false),
});

export const promoteOutput = z.object({ path: z.string() });
