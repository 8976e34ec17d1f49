import { z } from "zod";
import { requiredCaller } from "@/server/auth/access";
import { badRequest, notFound } from "@/server/common/errors";
import { getAppServices } from "@/server/services";
import { allowRiskParam, errorResponse, zipResponse } from "@/server/skills/archive-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const versionSchema = z.coerce.number().int().min(1).optional();

/**
 * GET /api/library/<skill path>/archive[?version=N][&allowRisk=1] → the skill (its latest version, or version N) as a
 * zip; a high+ risk is refused with 403 unless allowRisk=1.
 */
export async function GET(req: Request, context: { params: Promise<{ path: string[] }> }): Promise<Response> {
  try {
    const segments = (await context.params).path;
    if (segments.at(-1) !== "archive" || segments.length < 2) throw notFound("Use /api/library/<skill path>/archive");
    const version = versionSchema.safeParse(new URL(req.url).searchParams.get("version") ?? undefined);
    if (!version.success) throw badRequest("version must be a version number (1, 2, …)");
    const { library, access } = await getAppServices();
    requiredCaller(await access.caller(req.headers));
    const { skill, files } = await library.get(segments.slice(0, -1).join("/"), version.data);
    return zipResponse(files, skill.path.split("/").at(-1) ?? "skill", allowRiskParam(req));
  } catch (error) {
    return errorResponse(error);
  }
}
