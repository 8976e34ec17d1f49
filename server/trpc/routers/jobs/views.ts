import type { z } from "zod";
import { findingSchema } from "../skills/schemas";
import type { JobEventRecord, JobRecord, Json } from "../../../durable/types";
import type { jobEventSchema, jobResultSchema, jobSummarySchema } from "./schemas";

/** Domain records → wire shapes (only what the contract names; internal fields such as the lease stay inside). */
const text = (value: Json | undefined): string | null => (typeof value === "string" ? value : null);

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
  };
}

const strings = (value: Json | undefined): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
const numberOrNull = (value: Json | undefined): number | null => (typeof value === "number" ? value : null);

/** The stored validation, re-checked against the wire schema (a malformed entry is dropped, not sent). */
function validationView(value: Json | undefined): z.infer<typeof jobResultSchema>["validation"] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const findings = findingSchema.array().safeParse(value.findings);
  return {
    findings: findings.success ? findings.data : [],
    complianceScore: numberOrNull(value.complianceScore),
    strengths: strings(value.strengths),
    weaknesses: strings(value.weaknesses),
    triggerCoverage: numberOrNull(value.triggerCoverage),
  };
}

export function summaryView(job: JobRecord): z.infer<typeof jobSummarySchema> {
  const { id, status, phase, progress, task, error, createdAt, updatedAt, startedAt, completedAt } = job;
  return {
    id,
    status,
    phase,
    progress,
    task,
    error,
    score: job.validationScore,
    createdAt,
    updatedAt,
    startedAt,
    completedAt,
  };
}

export function eventView(event: JobEventRecord): z.infer<typeof jobEventSchema> {
  const { seq, type, phase, message, data, createdAt } = event;
  return { seq, type, phase, message, data, createdAt };
}
