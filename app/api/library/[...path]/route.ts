import { requiredCaller } from "@/server/auth/access";
import { notFound } from "@/server/common/errors";
import { getAppServices } from "@/server/services";
import { errorResponse, zipResponse } from "@/server/skills/archive-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/library/<taxonomy path>/archive → the skill folder as a zip. */
export async function GET(req: Request, context: { params: Promise<{ path: string[] }> }): Promise<Response> {
  try {
    const segments = (await context.params).path;
    if (segments.at(-1) !== "archive" || segments.length < 2) throw notFound("Use /api/library/<skill path>/archive");
    const { library, access } = await getAppServices();
    requiredCaller(await access.caller(req.headers));
    const source = await library.archiveSource(segments.slice(0, -1).join("/"));
    return await zipResponse(source.dir, source.name);
  } catch (error) {
    return errorResponse(error);
  }
}
