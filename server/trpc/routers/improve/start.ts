import { publicProcedure } from "../../trpc";
import { startInput, startOutput } from "./schemas";
import type { ImproveSource } from "../../../workflows/improve/improve-jobs";
import type { z } from "zod";

function sourceOf(input: z.infer<typeof startInput>["source"]): ImproveSource {
  if (input.kind !== "zip") return input;
  return { kind: "zip", zip: new Uint8Array(Buffer.from(input.zipBase64, "base64")), path: input.path };
}

/** Starts an improve job; its page is the job page (preview with the diff, then promote as the next version). */
export const startProcedure = publicProcedure
  .input(startInput)
  .output(startOutput)
  .mutation(async ({ input, ctx }) => {
    ctx.services.limits.jobs.take(ctx.userId);
    const job = await ctx.services.improveJobs.start(ctx.userId, { ...input, source: sourceOf(input.source) });
    return { jobId: job.id };
  });
