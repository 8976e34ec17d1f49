import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { badRequest } from "@/server/common/errors";
import { jobArchiveSource } from "@/server/jobs/job-drafts";
import { getJobSystem } from "@/server/jobs/job-system";
import { errorResponse, zipResponse } from "@/server/skills/archive-response";
import { createContext } from "@/server/trpc/trpc";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const jobIdSchema = z.uuid();

/** GET /api/jobs/<jobId>/archive → the job's skill (its draft, or the promoted skill) as a zip. */
export async function GET(req: Request, context: { params: Promise<{ jobId: string }> }): Promise<Response> {
  try {
    const jobId = jobIdSchema.safeParse((await context.params).jobId);
    if (!jobId.success) throw badRequest("jobId must be a UUID");
    const { userId } = createContext(req.headers);
    const source = await jobArchiveSource(await getJobSystem(), userId, jobId.data);
    return await zipResponse(source.dir, source.name);
  } catch (error) {
    if (error instanceof TRPCError) return Response.json({ error: error.message }, { status: 400 });
    return errorResponse(error);
  }
}
