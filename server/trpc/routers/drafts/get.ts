import { z } from "zod";
import { jobDraft } from "../../../workflows/skill/job-drafts";
import { getJobSystem } from "../../../durable/job-system";
import { publicProcedure } from "../../trpc";
import { jobIdInput } from "../jobs/schemas";

export const draftGetProcedure = publicProcedure
  .input(jobIdInput)
  .output(
    z.object({
      skillPath: z.string(),
      promoted: z.boolean(),
      files: z.array(z.object({ path: z.string(), content: z.string() })),
    }),
  )
  .query(async ({ input, ctx }) => jobDraft(await getJobSystem(), ctx.userId, input.jobId));
