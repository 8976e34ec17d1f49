import type { inferRouterInputs } from "@trpc/server";
import type { AppRouter } from "../../server/trpc/root";
import type { CommandContext } from "../context";
import { CliError, errorCode } from "../errors";
import { printJobResult, printJobTable } from "../render";

/** promote, list, xml and show: one request each, printed. */
type ListInput = inferRouterInputs<AppRouter>["jobs"]["list"];

export async function promoteCommand(
  ctx: CommandContext,
  jobId: string,
  flags: { overwrite?: boolean; force?: boolean },
): Promise<number> {
  try {
    const { path } = await ctx.client.drafts.promote.mutate({
      jobId,
      overwrite: !!flags.overwrite,
      force: !!flags.force,
    });
    ctx.term.result(`promoted to ${path}`);
    return 0;
  } catch (error) {
    if (errorCode(error) !== "CONFLICT" || flags.overwrite) throw error;
    throw new CliError(
      `${error instanceof Error ? error.message : String(error)} (use --overwrite to add it on top as the next version)`,
    );
  }
}

export interface ListFlags {
  status?: ListInput["status"];
  q?: string;
  limit?: number;
  cursor?: string;
  json?: boolean;
}

export async function listCommand(ctx: CommandContext, flags: ListFlags): Promise<number> {
  const page = await ctx.client.jobs.list.query({
    status: flags.status,
    q: flags.q,
    limit: flags.limit,
    cursor: flags.cursor,
  });
  if (flags.json) ctx.term.result(JSON.stringify(page, null, 2));
  else if (page.items.length === 0) ctx.term.print("no jobs");
  else printJobTable(ctx.term, page.items);
  if (page.nextCursor && !flags.json) ctx.term.print(`more: skill-fleet list --cursor ${page.nextCursor}`);
  return 0;
}

export async function xmlCommand(ctx: CommandContext): Promise<number> {
  ctx.term.result((await ctx.client.library.xml.query()).xml);
  return 0;
}

export async function showCommand(ctx: CommandContext, jobId: string, flags: { json?: boolean }): Promise<number> {
  const job = await ctx.client.jobs.get.query({ jobId });
  if (flags.json) ctx.term.result(JSON.stringify(job, null, 2));
  else {
    printJobResult(ctx.term, job);
    ctx.term.print(`  task:    ${job.task}`);
    if (job.pendingCheckpoint)
      ctx.term.print(`  waiting: ${job.pendingCheckpoint.type} checkpoint (answer it in the web UI)`);
  }
  return 0;
}
