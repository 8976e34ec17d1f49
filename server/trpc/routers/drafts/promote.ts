import { z } from "zod";
import { promoteJobDraft } from "../../../workflows/skill/job-drafts";
import { getJobSystem } from "../../../durable/job-system";
import { publicProcedure } from "../../trpc";
import { jobIdInput } from "../jobs/schemas";

export const draftPromoteProcedure = publicProcedure
  .input(jobIdInput.extend({ overwrite: z.boolean().default(false), force: z.boolean().default(false) }))
  .output(z.object({ path: z.string() }))
  .mutation(async ({ input, ctx }) => promoteJobDraft(await getJobSystem(), ctx.userId, input.jobId, input));
