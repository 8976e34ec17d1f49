import { z } from "zod";
import { validateSkillContent, validateSkillFiles, validateSkillZip } from "../../../skills/validator";
import { publicProcedure } from "../../trpc";
import { validationReportSchema } from "./schemas";

/** Limits sized for a skill (claude.ai takes 8 MB): big enough for any real one, small enough to refuse abuse. */
const MAX_CONTENT_CHARS = 2_000_000;
const MAX_FILES = 500;
const MAX_ZIP_BASE64_CHARS = 12_000_000;

export const validateInput = z.union([
  z.object({ content: z.string().max(MAX_CONTENT_CHARS), folderName: z.string().max(128).optional() }).strict(),
  z
    .object({ files: z.record(z.string().max(512), z.string().max(MAX_CONTENT_CHARS)) })
    .strict()
    .refine((input) => Object.keys(input.files).length <= MAX_FILES, { message: `at most ${MAX_FILES} files` }),
  z.object({ zipBase64: z.base64().max(MAX_ZIP_BASE64_CHARS) }).strict(),
]);

export type ValidateInput = z.infer<typeof validateInput>;

function runValidation(input: ValidateInput) {
  if ("content" in input) return validateSkillContent(input.content, { folderName: input.folderName });
  if ("files" in input) return validateSkillFiles(input.files);
  return validateSkillZip(new Uint8Array(Buffer.from(input.zipBase64, "base64")));
}

export const validateProcedure = publicProcedure
  .input(validateInput)
  .output(validationReportSchema)
  .mutation(({ input }) => runValidation(input));
