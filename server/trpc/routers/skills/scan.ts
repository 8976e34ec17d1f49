import { securityReportSchema } from "../../../../contracts/security-report";
import type { AppServices } from "../../../services";
import { publicProcedure } from "../../trpc";
import { validateInput, type ValidateInput } from "./schemas";

function runScan(scan: AppServices["validation"]["scan"], input: ValidateInput) {
  if ("content" in input) return scan.content(input.content);
  if ("files" in input) return scan.files(input.files);
  return scan.zip(new Uint8Array(Buffer.from(input.zipBase64, "base64")));
}

/** `skills.scan`: the security scan of a pasted SKILL.md, a folder's files or a zip (docs/security-scan.md). */
export const scanProcedure = publicProcedure
  .input(validateInput)
  .output(securityReportSchema)
  .mutation(({ input, ctx }) => {
    ctx.services.limits.validations.take(ctx.userId);
    return runScan(ctx.services.validation.scan, input);
  });
