import { securityReportSchema } from "../../../../contracts/security-report";
import { judgeSecurityReport } from "../../../llm/security-judge";
import type { AppServices } from "../../../services";
import { publicProcedure } from "../../trpc";
import { validateInput, type ValidateInput } from "./schemas";

function scanInput(scan: AppServices["validation"]["scan"], input: ValidateInput) {
  if ("content" in input) return scan.inputs.content(input.content);
  if ("files" in input) return scan.inputs.files(input.files);
  return scan.inputs.zip(new Uint8Array(Buffer.from(input.zipBase64, "base64")));
}

/**
 * `skills.scan`: the security scan of a pasted SKILL.md, a folder's files or a zip (docs/security-scan.md), with the
 * model judge's passes added when a model is configured.
 */
export const scanProcedure = publicProcedure
  .input(validateInput)
  .output(securityReportSchema)
  .mutation(async ({ input, ctx, signal }) => {
    ctx.services.limits.validations.take(ctx.userId);
    const files = await scanInput(ctx.services.validation.scan, input);
    return judgeSecurityReport(files, ctx.services.validation.scan.scan(files), { signal });
  });
