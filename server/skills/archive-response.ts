import { z } from "zod";
import { riskReaches, type SecurityReport } from "../../contracts/security-report";
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

const allowRiskSchema = z.enum(["1", "true"]).optional();

/** `?allowRisk=1` (or `true`) forces the download of a high+ skill; anything else leaves the gate on. */
export function allowRiskParam(req: Request): boolean {
  return allowRiskSchema.safeParse(new URL(req.url).searchParams.get("allowRisk") ?? undefined).data !== undefined;
}

/** The refusal's body: the risk, the top high+ findings (rule, place, message) and how to force the download. */
export function riskRefusalText(name: string, report: SecurityReport): string {
  const top = report.findings
    .filter((finding) => finding.severity === "high" || finding.severity === "critical")
    .slice(0, 5)
    .map((f) => `  ${f.severity} [${f.ruleId}] ${f.path}${f.line ? `:${f.line}` : ""}  ${f.message}`);
  return [
    `${name}: the security scan rates it ${report.risk}; not downloaded. Add ?allowRisk=1 to the URL to download it anyway.`,
    ...top,
    "",
  ].join("\n");
}

/**
 * A skill's files zipped under `<fileName>/` as `<fileName>.zip`, as an attachment; `x-skill-fleet-risk` carries the
 * security scan's risk of exactly these files. High or critical is refused with 403 and the findings unless
 * `allowRisk` (docs/security-scan.md, "Gates"): a download is how a skill reaches an agent's folder by hand.
 */
export function zipResponse(
  files: { path: string; bytes: Uint8Array }[],
  fileName: string,
  allowRisk = false,
): Response {
  const report = scanSkill(scanInputFromBytes(fileName, new Map(files.map((file) => [file.path, file.bytes]))));
  const riskHeader = `${report.risk}${report.analysed ? "" : "; not-fully-analysed"}`;
  if (riskReaches(report.risk, "high") && !allowRisk) {
    return new Response(riskRefusalText(fileName, report), {
      status: 403,
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "cache-control": "no-store",
        "x-skill-fleet-risk": riskHeader,
      },
    });
  }
  const zip = zipFiles(fileName, files);
  const safeName = fileName.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(new Blob([new Uint8Array(zip)]), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${safeName}.zip"`,
      "content-length": String(zip.byteLength),
      "cache-control": "no-store",
      "x-skill-fleet-risk": riskHeader,
    },
  });
}

/** Domain errors keep their status and message; anything else is a logged 500 without details. */
export function errorResponse(error: unknown): Response {
  if (isDomainError(error)) return Response.json({ error: error.message }, { status: STATUS[error.code] });
  loggerFor("archive").error({ err: userText(error, 2_000) }, "archive download failed");
  return Response.json({ error: "Internal server error" }, { status: 500 });
}
