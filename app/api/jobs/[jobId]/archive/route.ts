import { z } from "zod";
import { requiredCaller } from "@/server/auth/access";
import { badRequest } from "@/server/common/errors";
import { getAppServices } from "@/server/services";
import { allowRiskParam, errorResponse, zipResponse } from "@/server/skills/archive-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const jobIdSchema = z.uuid();

/** GET /api/jobs/<jobId>/archive[?allowRisk=1] → the job's draft as a zip; high+ risk is a 403 unless forced. */
export async function GET(req: Request, context: { params: Promise<{ jobId: string }> }): Promise<Response> {
  try {
    const jobId = jobIdSchema.safeParse((await context.params).jobId);
    if (!jobId.success) throw badRequest("jobId must be a UUID");
    const { skillJobs, access } = await getAppServices();
    const source = await skillJobs.archiveSource(requiredCaller(await access.caller(req.headers)), jobId.data);
    return zipResponse(source.files, source.name, allowRiskParam(req));
  } catch (error) {
    return errorResponse(error);
  }
}
