import { z } from "zod";

/**
 * The security scan's report as every client sees it (`skill-fleet scan --json`, `skills.scan`, the `security`
 * section of a validation report). Pure schemas, browser-safe. `risk` is the highest severity of the findings;
 * `analysed: false` means part of the skill could not be read (too large, or a model pass failed): never "clean".
 */

import { RISK_LEVELS, SECURITY_SEVERITIES } from "./risk";

export * from "./risk";

export const securityFindingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(SECURITY_SEVERITIES),
  message: z.string(),
  path: z.string(),
  line: z.number().int().positive().nullable(),
  evidence: z.string(),
});
export type SecurityFinding = z.infer<typeof securityFindingSchema>;

export const securityReportSchema = z.object({
  risk: z.enum(RISK_LEVELS),
  analysed: z.boolean(),
  findings: z.array(securityFindingSchema),
});
export type SecurityReport = z.infer<typeof securityReportSchema>;
