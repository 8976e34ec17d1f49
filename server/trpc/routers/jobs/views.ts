import type { z } from "zod";
import { contentScoresSchema, findingSchema, qualityDetailsSchema } from "../../../../contracts/validation";
import type { JobEventRecord, JobRecord, Json } from "../../../durable/types";
import type { jobEventSchema, jobResultSchema, jobSummarySchema } from "./schemas";

/** Domain records → wire shapes (only what the contract names; internal fields such as the lease stay inside). */
export function resultView(job: JobRecord): z.infer<typeof jobResultSchema> | null {
  const result = job.result;
  if (!result) return null;
  return {
    name: text(result.name),
    description: text(result.description),
    path: text(result.path) ?? job.intendedPath,
    score: typeof result.score === "number" ? result.score : job.validationScore,
    passed: typeof result.passed === "boolean" ? result.passed : job.validationPassed,
    content: text(result.content),
    validation: validationView(result.validation),
    engine: text(result.engine) ?? job.engine,
    scaffold: result.scaffold === true,
    nextSteps: strings(result.nextSteps),
  };
}

const flag = (value: unknown): boolean => value === true;

/** The stored validation, re-checked against the wire schema (a malformed entry is dropped, not sent). */
function validationView(value: Json | undefined): z.infer<typeof jobResultSchema>["validation"] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const findings = findingSchema.array().safeParse(value.findings);
  const scores = contentScoresSchema.safeParse(value.scores);
  const quality = qualityDetailsSchema.safeParse(value.quality);
  return {
    findings: findings.success ? findings.data : [],
    scores: scores.success ? scores.data : null,
    quality: quality.success ? quality.data : null,
    strengths: strings(value.strengths),
    weaknesses: strings(value.weaknesses),
    triggerCoverage: numberOrNull(value.triggerCoverage),
  };
}

export function summaryView(job: JobRecord): z.infer<typeof jobSummarySchema> {
  const { id, status, phase, progress, task, error, createdAt, updatedAt, startedAt, completedAt } = job;
  const { score } = skillResultOf(job);
  return { id, status, phase, progress, task, error, score, createdAt, updatedAt, startedAt, completedAt };
}

export function eventView(event: JobEventRecord): z.infer<typeof jobEventSchema> {
  const { seq, type, phase, message, data, createdAt } = event;
  return { seq, type, phase, message, data, createdAt };
}

export function timelineView(timeline: JobTimeline): z.infer<typeof timelineOutput> {
  return {
    steps: timeline.steps,
    checkpoints: timeline.checkpoints.map((checkpoint) => ({ ...checkpoint, type: apiCheckpointType(checkpoint) })),
    events: timeline.events.map(eventView),
  };
}
