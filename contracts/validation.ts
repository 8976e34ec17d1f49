import { z } from "zod";
import { securityReportSchema } from "./security-report";
import { DIMENSION_IDS } from "./verdict";

export { DIMENSION_IDS, DIMENSION_LABELS, dimensionsBelowBar, SCAFFOLD_LABEL, verdictHeadline } from "./verdict";
export type { VerdictInput } from "./verdict";

/**
 * The validation report as every client sees it (skills.validate, the job result, the review checkpoint, the CLI's
 * --json): `{ passed, findings, scores: { overall, …dimensions }, quality }`. Pure schemas, browser-safe.
 */

export const TIERS = ["spec", "portability", "quality"] as const;

export const SEVERITIES = ["error", "warning", "info"] as const;

export const findingSchema = z.object({
  ruleId: z.string(),
  tier: z.enum(TIERS),
  severity: z.enum(SEVERITIES),
  message: z.string(),
  path: z.string(),
  line: z.number().int().positive().optional(),
});
export type FindingView = z.infer<typeof findingSchema>;

export const evidenceSchema = z.object({
  effect: z.enum(["+", "-"]),
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  quote: z.string(),
  note: z.string(),
});
export type EvidenceView = z.infer<typeof evidenceSchema>;

export const dimensionSchema = z.object({
  id: z.enum(DIMENSION_IDS),
  score: z.number().min(0).max(1),
  summary: z.string(),
  evidence: z.array(evidenceSchema),
});
export type DimensionView = z.infer<typeof dimensionSchema>;

/** Every dimension as a number, plus the overall score compared with the pass mark. */
export const contentScoresSchema = z.object({
  overall: z.number().min(0).max(1),
  specificity: z.number(),
  actionability: z.number(),
  templateResidue: z.number(),
  examples: z.number(),
  triggerQuality: z.number(),
  progressiveDisclosure: z.number(),
});
export type ContentScores = z.infer<typeof contentScoresSchema>;

/** What the model judge said, or why it did not run: a figure is never made up when it did not. */
export const judgeSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("not_run"), reason: z.string() }),
  z.object({ status: z.literal("failed"), reason: z.string() }),
  z.object({
    status: z.literal("measured"),
    engine: z.string(),
    score: z.number().min(0).max(1),
    correctnessRisk: z.number().min(0).max(1),
    dimensions: z.array(z.object({ id: z.string(), score: z.number().min(0).max(1), evidence: z.array(z.string()) })),
    summary: z.string(),
  }),
]);
export type JudgeView = z.infer<typeof judgeSchema>;

export const qualityDetailsSchema = z.object({
  /** The pass mark `overall` is compared with. */
  threshold: z.number(),
  /** The deterministic model's own overall score (equal to `scores.overall` when no judge ran). */
  heuristic: z.number(),
  /** Per-dimension bar below which a dimension is reported as a reason. */
  dimensionBar: z.number(),
  /** The offline engine's unfinished scaffold (it never passes as finished work). */
  scaffold: z.boolean(),
  dimensions: z.array(dimensionSchema),
  judge: judgeSchema,
});
export type QualityDetails = z.infer<typeof qualityDetailsSchema>;

export const validationReportSchema = z.object({
  passed: z.boolean(),
  findings: z.array(findingSchema),
  scores: contentScoresSchema,
  quality: qualityDetailsSchema,
  /** The security scan (docs/security-scan.md); absent only in reports stored before the scan existed. */
  security: securityReportSchema.optional(),
});
export type ValidationReportView = z.infer<typeof validationReportSchema>;
