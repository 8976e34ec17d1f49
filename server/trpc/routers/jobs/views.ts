import { readProvenance } from "../../../../contracts/provenance";
import type { z } from "zod";
import type { CheckpointType } from "../../../../contracts/checkpoints";
import type { JobTimeline } from "../../../durable/job-service";
import {
  JOB_STATUSES,
  type CheckpointRecord,
  type JobEventRecord,
  type JobRecord,
  type JobStatus,
  type JsonObject,
  type StepRecord,
} from "../../../durable/types";
import { estimateCostUsd } from "../../../llm/prices";
import { skillResultOf } from "../../../workflows/skill/job-result";
import type { DraftState } from "../../../workflows/skill/skill-jobs";
import {
  readablePastCheckpointSchema,
  readablePendingCheckpointSchema,
  statusCountsSchema,
  type pendingCheckpointSchema,
  type jobDetailSchema,
  type jobEventSchema,
  type jobResultSchema,
  type jobSummarySchema,
  type timelineOutput,
} from "./schemas";

/** Domain records → wire shapes (only what the contract names; internal fields such as the lease stay inside). */
export function resultView(job: JobRecord): z.infer<typeof jobResultSchema> | null {
  if (!job.result) return null;
  const { name, description, path, score, passed, content, validation, engine, scaffold, nextSteps, fellBack } =
    skillResultOf(job);
  return {
    name,
    description,
    path,
    score,
    passed,
    content,
    validation,
    engine: engine ?? job.engine,
    scaffold,
    nextSteps,
    fellBack,
    reviewReason: skillResultOf(job).reviewReason,
  };
}

const flag = (value: unknown): boolean => value === true;

/** The engine stores any workflow's checkpoint type; the output schema checks it is one the API knows. */
const apiCheckpointType = (checkpoint: CheckpointRecord): CheckpointType => checkpoint.type as CheckpointType;

/** The first problem of a prompt or answer that does not fit its checkpoint's schema, in one line. */
function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  return `${where}${issue?.message ?? "unreadable"}`;
}

/** The text a checkpoint shows for review: the plan's summary, or the SKILL.md. */
const REVIEWED_TEXT: Partial<Record<string, (prompt: JsonObject) => unknown>> = {
  confirm: (prompt) => prompt.summary,
  preview: (prompt) => prompt.content,
  validate: (prompt) => prompt.content,
};
export const REVISABLE: ReadonlySet<string> = new Set(Object.keys(REVIEWED_TEXT));

/**
 * What this checkpoint's text revises: the same text at the job's previous checkpoint of its kind (the plan for a
 * plan; the SKILL.md of the last preview or review for content), or null for a first version.
 */
function previousText(pending: CheckpointRecord, history: CheckpointRecord[]): string | null {
  const kinds = pending.type === "confirm" ? ["confirm"] : ["preview", "validate"];
  const earlier = history
    .filter((other) => other.id !== pending.id && kinds.includes(other.type) && other.createdAt <= pending.createdAt)
    .at(-1);
  const text = earlier ? REVIEWED_TEXT[earlier.type]?.(earlier.prompt) : null;
  return typeof text === "string" ? text : null;
}

function pendingView(
  checkpoint: CheckpointRecord,
  history: CheckpointRecord[],
): z.infer<typeof pendingCheckpointSchema> {
  const { id, prompt, deadline } = checkpoint;
  const fields = { id, type: apiCheckpointType(checkpoint), deadline, previous: previousText(checkpoint, history) };
  const typed = readablePendingCheckpointSchema.safeParse({ ...fields, prompt, readable: true });
  if (typed.success) return typed.data;
  return { ...fields, prompt, readable: false, problem: firstProblem(typed.error) };
}

function pastCheckpointView(checkpoint: CheckpointRecord): TimelineCheckpoint {
  const { id, key, prompt, status, response, answeredAt, deadline, createdAt } = checkpoint;
  const fields = { id, key, type: apiCheckpointType(checkpoint), status, answeredAt, deadline, createdAt };
  const typed = readablePastCheckpointSchema.safeParse({ ...fields, prompt, response, readable: true });
  if (typed.success) return typed.data;
  return { ...fields, prompt, response, readable: false, problem: firstProblem(typed.error) };
}

export interface DetailParts {
  checkpoint: CheckpointRecord | null;
  failedStep: StepRecord | null;
  /** The job's checkpoints, when the pending one revises an earlier text (see REVISABLE); else empty. */
  history: CheckpointRecord[];
  /** The job's draft, or null when it has none (yet). */
  draft: DraftState | null;
}

export function detailView(
  job: JobRecord,
  { checkpoint, failedStep, history, draft }: DetailParts,
): z.infer<typeof jobDetailSchema> {
  return {
    ...job,
    options: {
      confirmPlan: flag(job.options.confirmPlan),
      previewContent: flag(job.options.previewContent),
      reviewValidation: flag(job.options.reviewValidation),
      streamTokens: flag(job.options.streamTokens),
    },
    pendingCheckpoint: checkpoint && pendingView(checkpoint, history),
    failedStep: failedStep && { key: failedStep.key, error: failedStep.error },
    result: resultView(job),
    draft: draft && { skillPath: draft.skillPath, revision: draft.revision, versionId: draft.versionId },
    finalPath: draft?.promoted ? draft.skillPath : null,
    finalVersion: draft?.finalVersion ?? null,
    promoted: draft?.promoted ?? false,
  };
}

export function summaryView(job: JobRecord): z.infer<typeof jobSummarySchema> {
  const { id, workflow, status, phase, progress, task, error, createdAt, updatedAt, startedAt, completedAt } = job;
  const { score } = skillResultOf(job);
  return { id, workflow, status, phase, progress, task, error, score, createdAt, updatedAt, startedAt, completedAt };
}

export function countsView(counts: Partial<Record<JobStatus, number>>): z.infer<typeof statusCountsSchema> {
  return statusCountsSchema.parse(Object.fromEntries(JOB_STATUSES.map((status) => [status, counts[status] ?? 0])));
}

export function eventView(event: JobEventRecord): z.infer<typeof jobEventSchema> {
  const { seq, type, phase, message, data, createdAt } = event;
  return { seq, type, phase, message, data, createdAt };
}

type TimelineStep = z.infer<typeof timelineOutput>["steps"][number];
type TimelineCheckpoint = z.infer<typeof timelineOutput>["checkpoints"][number];

function stepView(step: StepRecord): TimelineStep {
  const provenance = readProvenance(step.provenance);
  // A fallback's tokens were spent on the model that failed; the offline engine's output costs nothing.
  const costUsd = step.model ? estimateCostUsd(step.model, step.usage) : null;
  return { ...step, costUsd, provenance };
}

/** A model step whose provider did not report a token count: the totals are unknown, not a partial sum. */
const tokensUnknown = (step: TimelineStep, field: "input" | "output" | "total"): boolean =>
  step.provenance !== null && step.provenance.source !== "offline" && step.provenance.tokens[field] === null;

const sum = (steps: TimelineStep[], pick: (step: TimelineStep) => number | undefined | null): number =>
  steps.reduce((total, step) => total + (pick(step) ?? 0), 0);

export function timelineTotals(steps: TimelineStep[]): z.infer<typeof timelineOutput>["totals"] {
  const starts = steps.map((step) => step.startedAt.getTime());
  const ends = steps.flatMap((step) => (step.completedAt ? [step.completedAt.getTime()] : []));
  const unpriced = steps.some((step) => step.model !== null && step.costUsd === null);
  return {
    wallMs: starts.length && ends.length ? Math.max(...ends) - Math.min(...starts) : null,
    stepMs: sum(steps, (step) => step.durationMs),
    inputTokens: steps.some((s) => tokensUnknown(s, "input")) ? null : sum(steps, (s) => s.usage.inputTokens),
    outputTokens: steps.some((s) => tokensUnknown(s, "output")) ? null : sum(steps, (s) => s.usage.outputTokens),
    totalTokens: steps.some((s) => tokensUnknown(s, "total")) ? null : sum(steps, (s) => s.usage.totalTokens),
    costUsd: unpriced ? null : sum(steps, (step) => step.costUsd),
  };
}

export function timelineView(timeline: JobTimeline): z.infer<typeof timelineOutput> {
  const steps = timeline.steps.map(stepView);
  return {
    steps,
    totals: timelineTotals(steps),
    checkpoints: timeline.checkpoints.map(pastCheckpointView),
    events: timeline.events.map(eventView),
  };
}
