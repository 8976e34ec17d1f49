import { z } from "zod";

/**
 * The validation report as every client sees it (skills.validate, the job result, the review checkpoint, the CLI's
 * --json): `{ passed, findings, scores: { overall, …dimensions }, quality }`. Pure schemas, browser-safe.
 */

export const TIERS = ["spec", "portability", "quality"] as const;

/** How the offline engine's output is labelled everywhere: the page, the CLI, the skill's metadata. */
export const SCAFFOLD_LABEL = "Scaffold (offline)";
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

export const DIMENSION_IDS = [
  "specificity",
  "actionability",
  "templateResidue",
  "examples",
  "triggerQuality",
  "progressiveDisclosure",
] as const;

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
});
export type ValidationReportView = z.infer<typeof validationReportSchema>;

export const DIMENSION_LABELS: Record<(typeof DIMENSION_IDS)[number], string> = {
  specificity: "Specificity",
  actionability: "Actionability",
  templateResidue: "Template residue",
  examples: "Examples",
  triggerQuality: "Trigger quality",
  progressiveDisclosure: "Progressive disclosure",
};

/** The dimensions that kept a report from passing (or would, at the bar), weakest first. */
export function dimensionsBelowBar(details: Pick<QualityDetails, "dimensions" | "dimensionBar">): DimensionView[] {
  return details.dimensions.filter((d) => d.score < details.dimensionBar).sort((a, b) => a.score - b.score);
}

/** The parts of a report a verdict is read from (older job results may lack scores and quality). */
export interface VerdictInput {
  passed: boolean;
  findings: Pick<FindingView, "severity">[];
  scores?: Pick<ContentScores, "overall"> | null;
  quality?: Pick<QualityDetails, "threshold" | "scaffold"> | null;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

/**
 * The verdict in one line, with its reason: a specification error, a content score under the pass mark, or both.
 * Shared by the pages and the CLI so they never disagree (and never say "did not pass" without saying why).
 */
export function verdictHeadline(report: VerdictInput): string {
  const measured = contentScore(report);
  if (report.passed)
    return `Passed: ${measured ? `content quality ${measured.overall.toFixed(2)} (pass mark ${measured.threshold})` : "no specification error"}`;
  const reasons = failureReasons(report, measured);
  if (reasons.length === 0) return "Did not pass: validated before content scores were recorded; validate it again";
  return `Did not pass: ${reasons.join("; ")}`;
}

function contentScore(report: VerdictInput): { overall: number; threshold: number } | null {
  const overall = report.scores?.overall;
  const threshold = report.quality?.threshold;
  return typeof overall === "number" && typeof threshold === "number" ? { overall, threshold } : null;
}

function failureReasons(report: VerdictInput, measured: { overall: number; threshold: number } | null): string[] {
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const reasons: string[] = [];
  if (errors > 0) reasons.push(plural(errors, "specification error"));
  if (measured && measured.overall < measured.threshold)
    reasons.push(`content quality ${measured.overall.toFixed(2)} is below the pass mark ${measured.threshold}`);
  if (report.quality?.scaffold) reasons.push("it is an unfinished scaffold");
  return reasons;
}
