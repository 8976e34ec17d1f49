import { z } from "zod";
import { INSTRUCTIONS_MAX_CHARS, INSTRUCTIONS_MIN_CHARS } from "../../../../contracts/improve-job";
import { cleanString } from "../../../../contracts/text";
import { fileInputsSchema } from "../library/schemas";
import { requestIdSchema } from "../skills/schemas";

/** Wire shapes of the improve area: starting an improve job from a skill and instructions (docs/library.md). */
const path = cleanString().trim().min(1, "path must not be empty").max(400, "path must be at most 400 characters");

export const improveSourceSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("library"), path, version: z.number().int().min(1).optional() }),
  z.strictObject({ kind: z.literal("zip"), zipBase64: z.base64().max(12_000_000), path: path.optional() }),
  z.strictObject({ kind: z.literal("files"), files: fileInputsSchema, path }),
  z.strictObject({
    kind: z.literal("skillMd"),
    skillMd: cleanString().min(1, "skillMd must not be empty").max(2_000_000),
    path: path.optional(),
  }),
]);

export const startInput = z.strictObject({
  source: improveSourceSchema,
  instructions: cleanString()
    .trim()
    .min(INSTRUCTIONS_MIN_CHARS, `instructions must be at least ${INSTRUCTIONS_MIN_CHARS} characters`)
    .max(INSTRUCTIONS_MAX_CHARS),
  options: z
    .object({ previewContent: z.boolean().default(true), streamTokens: z.boolean().default(false) })
    .default({ previewContent: true, streamTokens: false }),
  requestId: requestIdSchema.optional(),
});

export const startOutput = z.object({ jobId: z.string() });
