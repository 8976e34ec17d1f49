import type { AppServices } from "../../../services";
import { publicProcedure } from "../../trpc";
import { validateInput, validationReportSchema, type ValidateInput } from "./schemas";

function runValidation(validation: AppServices["validation"], input: ValidateInput) {
  if ("content" in input) return validation.content(input.content, { folderName: input.folderName });
  if ("files" in input) return validation.files(input.files);
  return validation.zip(new Uint8Array(Buffer.from(input.zipBase64, "base64")));
}

export const validateProcedure = publicProcedure
  .input(validateInput)
  .output(validationReportSchema)
  .mutation(({ input, ctx }) => {
    ctx.services.limits.validations.take(ctx.userId);
    return runValidation(ctx.services.validation, input);
  });
