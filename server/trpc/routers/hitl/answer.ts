import { z } from "zod";
import { getJobSystem } from "../../../durable/job-system";
import { publicProcedure } from "../../trpc";
import { jsonObject } from "../jobs/schemas";

export const answerProcedure = publicProcedure
  .input(
    z.object({
      jobId: z.uuid({ message: "jobId must be a UUID" }),
      checkpointId: z.uuid({ message: "checkpointId must be a UUID" }),
      response: jsonObject,
    }),
  )
  .output(z.object({ status: z.enum(["accepted", "duplicate"]) }))
  .mutation(async ({ input, ctx }) => {
    const status = await (
      await getJobSystem()
    ).service.answer(ctx.userId, input.jobId, input.checkpointId, input.response);
    return { status };
  });
