import { z } from "zod";
import type { JobRecord } from "../../durable/types";
import { contentScoresSchema, findingSchema, qualityDetailsSchema } from "../../../contracts/validation";

/**
 * The skill workflow's result as stored in the job's `result` (written by skill-workflow.ts),
 * read back defensively: a malformed field is dropped, never sent. One reader for the API, the archive route and
 * promotion.
 */
const text = z.string().nullable().catch(null);
const number = z.number().nullable().catch(null);

const validationSchema = z
  .object({
    findings: z.array(findingSchema).catch([]),
    scores: contentScoresSchema.nullable().catch(null).default(null),
    quality: qualityDetailsSchema.nullable().catch(null).default(null),
    strengths: z.array(z.string()).catch([]),
    weaknesses: z.array(z.string()).catch([]),
    triggerCoverage: number.default(null),
  })
  .nullable()
  .catch(null);

const storedResultSchema = z.object({
  name: text.default(null),
  description: text.default(null),
  path: text.default(null),
  score: number.default(null),
  passed: z.boolean().nullable().catch(null).default(null),
  content: text.default(null),
  validation: validationSchema.default(null),
  engine: text.default(null),
  scaffold: z.boolean().catch(false).default(false),
  nextSteps: z.array(z.string()).catch([]).default([]),
  /** The draft version the job wrote (its later edits and promotion are the library's: docs/library.md). */
  draftVersionId: text.default(null),
  /** Steps the offline engine wrote because the model failed; a job recorded before this was kept has none listed. */
  fellBack: z
    .array(z.object({ key: z.string(), step: z.string(), engine: z.string(), reason: z.string() }))
    .catch([])
    .default([]),
  reviewReason: text.default(null),
});

export type SkillJobResult = z.infer<typeof storedResultSchema>;

const EMPTY: SkillJobResult = storedResultSchema.parse({});

/** The job's skill result; for a job that has not finished, every field is empty. */
export function skillResultOf(job: Pick<JobRecord, "result">): SkillJobResult {
  return job.result ? storedResultSchema.parse(job.result) : EMPTY;
}
