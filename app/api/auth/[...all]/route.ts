import { toNextJsHandler } from "better-auth/next-js";
import { getAppServices } from "@/server/services";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** better-auth's endpoints (sign-in, sign-up, sign-out, OAuth callbacks) in shared mode; none in local mode. */
async function handler(req: Request): Promise<Response> {
  const { signIn } = (await getAppServices()).access;
  if (!signIn) return Response.json({ error: "Sign-in is off: this server runs in local mode." }, { status: 404 });
  const { GET, POST } = toNextJsHandler(signIn);
  return req.method === "POST" ? POST(req) : GET(req);
}

export { handler as GET, handler as POST };
