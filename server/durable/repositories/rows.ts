import { z } from "zod";
import { EVENT_TYPES, type CheckpointRecord, type JobEventRecord, type StepRecord } from "../types";
import { usageOf } from "./step-repository";

/**
 * Rows that come back inside one statement's result as JSON (json_agg / row_to_json): events a change appended,
 * the checkpoint it touched, the steps and checkpoints a claim loads. JSON has no dates, so timestamps arrive as text.
 */
const date = z.string().transform((text) => new Date(text));
const nullableDate = date.nullable();
const jsonObject = z.record(z.string(), z.json());
const count = z.number().int().nullable();

const eventRow = z.object({
  jobId: z.string(),
  seq: z.number().int(),
  type: z.enum(EVENT_TYPES),
  phase: z.string().nullable(),
  message: z.string(),
  data: jsonObject,
  createdAt: date,
});

const checkpointRow = z.object({
  id: z.string(),
  jobId: z.string(),
  key: z.string(),
  type: z.string(),
  prompt: jsonObject,
  status: z.enum(["pending", "answered", "cancelled", "expired", "superseded"]),
  response: jsonObject.nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: nullableDate,
  deadline: date,
  createdAt: date,
});

const stepRow = z.object({
  jobId: z.string(),
  key: z.string(),
  status: z.enum(["running", "completed", "failed"]),
  output: z.json().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  startedAt: date,
  completedAt: nullableDate,
  durationMs: count,
  inputTokens: count,
  outputTokens: count,
  totalTokens: count,
  model: z.string().nullable().default(null),
  input: z.json().nullable().default(null),
  provenance: z.json().nullable().default(null),
});

export const eventRows = (value: unknown): JobEventRecord[] => z.array(eventRow).parse(value ?? []);

export const checkpointRows = (value: unknown): CheckpointRecord[] => z.array(checkpointRow).parse(value ?? []);

export const checkpointRowOrNull = (value: unknown): CheckpointRecord | null =>
  value === null || value === undefined ? null : checkpointRow.parse(value);

export function stepRows(value: unknown): StepRecord[] {
  return z
    .array(stepRow)
    .parse(value ?? [])
    .map(({ inputTokens, outputTokens, totalTokens, ...step }) => ({
      ...step,
      usage: usageOf({ inputTokens, outputTokens, totalTokens }),
    }));
}
