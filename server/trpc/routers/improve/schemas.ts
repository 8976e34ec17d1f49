import { z } from "zod";
import { INSTRUCTIONS_MAX_CHARS, INSTRUCTIONS_MIN_CHARS } from "../../../../contracts/improve-job";
import { fileInputsSchema } from "../library/schemas";

/** Wire shapes of the improve area: starting an improve job from a skill and instructions (docs/library.md). */
const path = z.string().trim().min(1).max(400);

export const improveSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("library"), path, version: z.number().int().min(1).optional() }).strict(),
  z.object({ kind: z.literal("zip"), zipBase64: z.base64().max(12_000_000), path: path.optional() }).strict(),
  z.object({ kind: z.literal("files"), files: fileInputsSchema, path }).strict(),
  z.object({ kind: z.literal("skillMd"), skillMd: z.string().min(1).max(2_000_000), path: path.optional() }).strict(),
]);

export const startInput = z.object({
  source: improveSourceSchema,
  instructions: z
    .string()
    .trim()
    .min(INSTRUCTIONS_MIN_CHARS, `instructions must be at least ${INSTRUCTIONS_MIN_CHARS} characters`)
    .max(INSTRUCTIONS_MAX_CHARS),
  options: z
    .object({ previewContent: z.boolean().default(true), streamTokens: z.boolean().default(false) })
    .default({ previewContent: true, streamTokens: false }),
  requestId: z.string().trim().min(1).max(128).optional(),
});

export const startOutput = z.object({ jobId: z.string() });
