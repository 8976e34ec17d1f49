import type { CommandContext } from "../context";
import { printValidation } from "../render";
import { validationInput } from "../validate-input";

/** Exit 0 when the skill passes, 1 when it does not (or cannot be read). */
export async function validateCommand(ctx: CommandContext, target: string, flags: { json?: boolean }): Promise<number> {
  const { input, skipped } = await validationInput(target);
  const report = await ctx.client.skills.validate.mutate(input);
  for (const file of skipped) ctx.term.error(`skipped ${file}`);
  if (flags.json) ctx.term.result(JSON.stringify(report, null, 2));
  else printValidation(ctx.term, report);
  return report.passed ? 0 : 1;
}
