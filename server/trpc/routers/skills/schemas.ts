import { z } from "zod";
import { skillJobOptionsSchema, TASK_MAX_CHARS, TASK_MIN_CHARS } from "../../../../contracts/skill-job";
import { cleanString } from "../../../../contracts/text";
import { findingSchema, validationReportSchema } from "../../../../contracts/validation";

/** Wire shapes of the skills area: creating a skill job, and the validation report (also used by library.get). */

export { findingSchema, validationReportSchema };

/** Idempotency key: a double click or a retry with the same requestId returns the same job. */
export const requestIdSchema = cleanString()
  .trim()
  .min(1, "requestId must not be empty")
  .max(128, "requestId must be at most 128 characters");

export const createInput = z.strictObject({
  task: cleanString()
    .trim()
    .min(TASK_MIN_CHARS, `task must be at least ${TASK_MIN_CHARS} characters`)
    .max(TASK_MAX_CHARS, `task must be at most ${TASK_MAX_CHARS.toLocaleString("en")} characters`),
  options: skillJobOptionsSchema.default(skillJobOptionsSchema.parse({})),
  requestId: requestIdSchema.optional(),
});

export const createOutput = z.object({ jobId: z.string() });

export const runAgainInput = z.strictObject({
  /** The failed or cancelled job whose task and options the new job takes. */
  jobId: z.uuid({ message: "jobId must be a UUID" }),
  requestId: requestIdSchema.optional(),
});

/** Limits sized for a skill (claude.ai takes 8 MB): big enough for any real one, small enough to refuse abuse. */
const MAX_CONTENT_CHARS = 2_000_000;
const MAX_FILES = 500;
const MAX_ZIP_BASE64_CHARS = 12_000_000;
const tooLong = (what: string, max: number) => `${what} must be at most ${max.toLocaleString("en")} characters`;

export const validateInput = z.union([
  z
    .object({
      content: cleanString().max(MAX_CONTENT_CHARS, tooLong("content", MAX_CONTENT_CHARS)),
      folderName: cleanString().max(128, "folderName must be at most 128 characters").optional(),
    })
    .strict(),
  z
    .object({
      files: z.record(
        cleanString().max(512, "file names must be at most 512 characters"),
        cleanString().max(MAX_CONTENT_CHARS, tooLong("each file", MAX_CONTENT_CHARS)),
      ),
    })
    .strict()
    .refine((input) => Object.keys(input.files).length <= MAX_FILES, { message: `at most ${MAX_FILES} files` }),
  z
    .object({
      zipBase64: z
        .base64("zipBase64 must be base64")
        .max(MAX_ZIP_BASE64_CHARS, tooLong("zipBase64", MAX_ZIP_BASE64_CHARS)),
    })
    .strict(),
]);

export type ValidateInput = z.infer<typeof validateInput>;
