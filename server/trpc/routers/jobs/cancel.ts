import { z } from "zod";
import { getJobSystem } from "../../../durable/job-system";
import { publicProcedure } from "../../trpc";
import { jobIdInput, jobStatusSchema } from "./schemas";

/** Status after the call: `cancelled` at once for an idle job; a running one stops at its next await. */
export const cancelProcedure = publicProcedure
  .input(jobIdInput)
  .output(z.object({ jobId: z.string(), status: jobStatusSchema, cancelRequested: z.boolean() }))
  .mutation(async ({ input, ctx }) => {
    const job = await (await getJobSystem()).service.cancel(ctx.userId, input.jobId);
    return { jobId: job.id, status: job.status, cancelRequested: job.cancelRequested };
  });
