import { notFound } from "@/server/common/errors";
import { errorResponse, zipResponse } from "@/server/skills/archive-response";
import { libraryFor } from "@/server/skills/library";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/library/<taxonomy path>/archive → the skill folder as a zip. */
export async function GET(_req: Request, context: { params: Promise<{ path: string[] }> }): Promise<Response> {
  try {
    const segments = (await context.params).path;
    if (segments.at(-1) !== "archive" || segments.length < 2) throw notFound("Use /api/library/<skill path>/archive");
    const entry = await libraryFor().entry(segments.slice(0, -1).join("/"));
    return await zipResponse(entry.dir, entry.name);
  } catch (error) {
    return errorResponse(error);
  }
}
