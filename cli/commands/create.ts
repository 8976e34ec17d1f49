import { randomUUID } from "node:crypto";
import { confirm } from "../ask";
import type { CommandContext } from "../context";
import { describeError } from "../errors";
import { followJob } from "../follow";
import { printJobResult, type JobDetail } from "../render";

export interface CreateFlags {
  confirmPlan?: boolean;
  preview?: boolean;
  review?: boolean;
  stream?: boolean;
  autoApprove?: boolean;
  json?: boolean;
}

/** completed → 0, pending_review (finished, validation did not pass) → 2, failed/cancelled → 1. */
export function exitCodeFor(status: JobDetail["status"]): number {
  if (status === "completed") return 0;
  return status === "pending_review" ? 2 : 1;
}

async function cancelJob(ctx: CommandContext, jobId: string): Promise<void> {
  try {
    const { status } = await ctx.client.jobs.cancel.mutate({ jobId });
    if (status !== "cancelled") return ctx.term.print("cancelling…"); // a running step stops at its next await; the stream reports it
    printJobResult(ctx.term, await ctx.client.jobs.get.query({ jobId }));
    process.exit(1); // the job was idle (maybe at a checkpoint whose prompt is still waiting for a line): done now
  } catch (error) {
    ctx.term.error(describeError(error, ctx.url).message);
    process.exit(1);
  }
}

/** Ctrl-C asks before cancelling the job; a second Ctrl-C while asking leaves without cancelling. */
function onInterrupt(ctx: CommandContext, jobId: string): () => void {
  let asking = false;
  return () => {
    if (asking) {
      ctx.term.error(`left job ${jobId} on the server (skill-fleet show ${jobId})`);
      process.exit(130);
    }
    asking = true;
    void confirm(ctx.term, `Cancel job ${jobId}?`, false, { priority: true }).then((yes) => {
      asking = false;
      // No more input to ask with: Ctrl-C is the clearest wish we have, so cancel.
      if (yes !== false) void cancelJob(ctx, jobId);
    });
  };
}

export async function createCommand(ctx: CommandContext, task: string, flags: CreateFlags): Promise<number> {
  const options = {
    confirmPlan: !!flags.confirmPlan,
    previewContent: !!flags.preview,
    reviewValidation: !!flags.review,
    streamTokens: !!flags.stream,
  };
  // requestId makes the creation idempotent on the server, should this request be retried.
  const { jobId } = await ctx.client.skills.create.mutate({ task, options, requestId: randomUUID() });
  ctx.term.print(`Job ${jobId} created`);
  ctx.term.onInterrupt(onInterrupt(ctx, jobId));
  const job = await followJob(
    { client: ctx.client, term: ctx.term, autoApprove: !!flags.autoApprove, stream: !!flags.stream },
    jobId,
  );
  if (flags.json) ctx.term.result(JSON.stringify(job, null, 2));
  else printJobResult(ctx.term, job);
  return exitCodeFor(job.status);
}
