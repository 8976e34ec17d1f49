import { z } from "zod";
import { env } from "../../../common/env";
import { getJobSystem } from "../../../durable/job-system";
import { engineName } from "../../../system/info";
import { publicProcedure } from "../../trpc";

export const createInput = z.object({
  task: z
    .string()
    .trim()
    .min(10, "task must be at least 10 characters")
    .max(20_000, "task must be at most 20,000 characters"),
  options: z
    .object({
      confirmPlan: z.boolean().default(false),
      previewContent: z.boolean().default(false),
      reviewValidation: z.boolean().default(false),
      streamTokens: z.boolean().default(false),
    })
    .default({ confirmPlan: false, previewContent: false, reviewValidation: false, streamTokens: false }),
  /** Idempotency key: a double click or a retry with the same requestId returns the same job. */
  requestId: z.string().trim().min(1).max(128).optional(),
});

export const createProcedure = publicProcedure
  .input(createInput)
  .output(z.object({ jobId: z.string() }))
  .mutation(async ({ input, ctx }) => {
    const { service } = await getJobSystem();
    const { job } = await service.create({
      ...input,
      ownerId: ctx.userId,
      engine: engineName(),
      workflow: env().SKILL_FLEET_WORKFLOW,
    });
    return { jobId: job.id };
  });
