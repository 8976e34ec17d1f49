import { isDomainError, type DomainErrorCode } from "../common/errors";
import { loggerFor, userText } from "../common/logger";
import { zipFiles } from "./archive";
import { scanSkill } from "./security/index";
import { scanInputFromBytes } from "./security/sources";

/** HTTP responses for zip downloads (library skills here; the job archive route can reuse them). */

const STATUS: Record<DomainErrorCode, number> = {
  BAD_REQUEST: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  UNAVAILABLE: 503,
  RATE_LIMITED: 429,
  UNAUTHORIZED: 401,
};

/**
 * A skill's files zipped under `<fileName>/` as `<fileName>.zip`, as an attachment; `x-skill-fleet-risk` carries the
 * security scan's risk of exactly these files (docs/security-scan.md, "Gates").
 */
export function zipResponse(files: { path: string; bytes: Uint8Array }[], fileName: string): Response {
  const zip = zipFiles(fileName, files);
  const report = scanSkill(scanInputFromBytes(fileName, new Map(files.map((file) => [file.path, file.bytes]))));
  const safeName = fileName.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(new Blob([new Uint8Array(zip)]), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${safeName}.zip"`,
      "content-length": String(zip.byteLength),
      "cache-control": "no-store",
      "x-skill-fleet-risk": `${report.risk}${report.analysed ? "" : "; not-fully-analysed"}`,
    },
  });
}

/** Domain errors keep their status and message; anything else is a logged 500 without details. */
export function errorResponse(error: unknown): Response {
  if (isDomainError(error)) return Response.json({ error: error.message }, { status: STATUS[error.code] });
  loggerFor("archive").error({ err: userText(error, 2_000) }, "archive download failed");
  return Response.json({ error: "Internal server error" }, { status: 500 });
}
