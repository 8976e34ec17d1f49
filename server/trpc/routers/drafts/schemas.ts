import { z } from "zod";
import { securityReportSchema } from "../../../../contracts/security-report";
import { jobIdInput } from "../jobs/schemas";
import { fileInputsSchema, messageSchema, fileViewSchema } from "../library/schemas";

/** Wire shapes of the drafts area: a job's draft (versions in the library's database), its edits and promotion. */
export { jobIdInput };

export const draftOutput = z.object({
  jobId: z.string(),
  skillPath: z.string(),
  /** Bumped by every edit; an edit names the revision it was made on. */
  revision: z.number().int(),
  /** The draft's latest version (diffs take version ids). */
  versionId: z.string(),
  /** The library version the draft revises (0: a new skill). */
  baseNumber: z.number().int(),
  promoted: z.boolean(),
  finalVersion: z.number().int().nullable(),
  files: z.array(fileViewSchema),
  /** The security scan of these files (the archive download refuses high+ without allowRisk=1). */
  security: securityReportSchema,
});

export const saveDraftInput = jobIdInput.extend({
  revision: z.number().int().min(1),
  files: fileInputsSchema,
  message: messageSchema,
});

export const promoteInput = jobIdInput.extend({
  overwrite: z.boolean().default(false),
  force: z.boolean().default(false),
});

/** The library path and the version number the draft became. */
export const promoteOutput = z.object({ path: z.string(), version: z.number().int() });
