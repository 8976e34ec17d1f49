import type { AppServices } from "../../../services";
import { publicProcedure } from "../../trpc";
import { jobDetailSchema, jobIdInput } from "./schemas";
import { detailView, REVISABLE } from "./views";

/** A job as its owner sees it: shared by `jobs.get` and the MCP tool `get_job` (server/mcp/tools.ts). */
export async function jobDetail(services: AppServices, userId: string, jobId: string) {
  const { jobs, skillJobs } = services;
  const job = await jobs.get(userId, jobId);
  const [checkpoint, failedStep, draft] = await Promise.all([
    jobs.pendingCheckpoint(job),
    jobs.failedStep(job),
    skillJobs.draftState(job),
  ]);
  // A checkpoint that shows a revised text also gets the text it revises (for the page's diff).
  const history = checkpoint && REVISABLE.has(checkpoint.type) ? await jobs.checkpoints(job) : [];
  return detailView(job, { checkpoint, failedStep, history, draft });
}

export const getProcedure = publicProcedure
  .input(jobIdInput)
  .output(jobDetailSchema)
  .query(({ input, ctx }) => jobDetail(ctx.services, ctx.userId, input.jobId));
