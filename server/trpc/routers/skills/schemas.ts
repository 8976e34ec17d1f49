import { z } from "zod";

/** Output shapes of the skill artifact, shared by skills.validate and any procedure that returns a report. */

export const findingSchema = z.object({
  ruleId: z.string(),
  tier: z.enum(["spec", "portability", "quality"]),
  severity: z.enum(["error", "warning", "info"]),
  message: z.string(),
  path: z.string(),
  line: z.number().int().positive().optional(),
});

export const qualityScoresSchema = z.object({
  reward: z.number(),
  completeness: z.number(),
  structure: z.number(),
  clarity: z.number(),
  examples: z.number(),
  conciseness: z.number(),
  wordCount: z.number().int(),
  sizeAssessment: z.enum(["optimal", "acceptable", "too_large"]),
  verbosity: z.number(),
  recommendations: z.array(z.string()),
});

export const validationReportSchema = z.object({
  passed: z.boolean(),
  findings: z.array(findingSchema),
  scores: qualityScoresSchema,
});
