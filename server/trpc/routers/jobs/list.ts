import { z } from "zod";
import { getJobSystem } from "../../../durable/job-system";
import { publicProcedure } from "../../trpc";
import { jobStatusSchema, jobSummarySchema } from "./schemas";
import { summaryView } from "./views";

export const listProcedure = publicProcedure
  .input(
    z.object({
      status: jobStatusSchema.optional(),
      q: z.string().max(200).optional(),
      cursor: z.uuid().optional(),
      limit: z.number().int().min(1).max(100).default(20),
    }),
  )
  .output(z.object({ items: z.array(jobSummarySchema), nextCursor: z.string().nullable() }))
  .query(async ({ input, ctx }) => {
    const { items, nextCursor } = await (await getJobSystem()).service.list(ctx.userId, input);
    return { items: items.map(summaryView), nextCursor };
  });
