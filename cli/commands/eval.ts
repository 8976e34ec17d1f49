import { evalReport } from "../../contracts/eval-report";
import type { CommandContext } from "../context";
import { CliError } from "../errors";
import { followJob } from "../follow";

/**
 * `skill-fleet eval <jobId|library path>`: starts an eval of a job's draft or a library skill, follows it live and
 * prints its figures (docs/evals.md). Exit 0 when it completed, 1 otherwise.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface EvalFlags {
  runs?: number;
  version?: number;
  compareWith?: number;
  /** False with --no-tune. */
  tune?: boolean;
  json?: boolean;
}

export async function evalCommand(ctx: CommandContext, target: string, flags: EvalFlags): Promise<number> {
  if (UUID.test(target) && flags.version !== undefined)
    throw new CliError("--version picks a library version: a job's draft has none");
  const source = UUID.test(target)
    ? ({ kind: "job", jobId: target } as const)
    : ({ kind: "library", path: target, version: flags.version } as const);
  const { runs, compareWith, tune } = flags;
  const { jobId } = await ctx.client.evals.start.mutate({ source, runs, compareWith, tune });
  ctx.term.print(`Eval ${jobId} started`);
  await followJob({ client: ctx.client, term: ctx.term, autoApprove: true, stream: false }, jobId);
  const { status, error, result } = await ctx.client.evals.get.query({ jobId });
  if (flags.json) ctx.term.result(JSON.stringify({ jobId, status, error, result }, null, 2));
  else if (result) ctx.term.result(evalReport(result));
  if (status !== "completed") throw new CliError(`eval ${jobId} ${status}${error ? `: ${error}` : ""}`);
  return 0;
}
