import type { z } from "zod";
import type { CheckpointType } from "../../../../contracts/checkpoints";
import type { JobTimeline } from "../../../durable/job-service";
import type { CheckpointRecord, JobEventRecord, JobRecord } from "../../../durable/types";
import { pathForClients } from "../../../skills/paths";
import { skillResultOf } from "../../../workflows/skill/job-result";
import type { jobDetailSchema, jobEventSchema, jobResultSchema, jobSummarySchema, timelineOutput } from "./schemas";

/** Domain records → wire shapes (only what the contract names; internal fields such as the lease stay inside). */
export function resultView(job: JobRecord): z.infer<typeof jobResultSchema> | null {
  if (!job.result) return null;
  const { name, description, path, score, passed, content, validation, engine, scaffold, nextSteps } =
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
  };
}

const flag = (value: unknown): boolean => value === true;

/** The engine stores any workflow's checkpoint type; the output schema checks it is one the API knows. */
const apiCheckpointType = (checkpoint: CheckpointRecord): CheckpointType => checkpoint.type as CheckpointType;

export function detailView(job: JobRecord, checkpoint: CheckpointRecord | null): z.infer<typeof jobDetailSchema> {
  const { draftPath, finalPath, promoted } = skillResultOf(job);
  return {
    ...job,
    options: {
      confirmPlan: flag(job.options.confirmPlan),
      previewContent: flag(job.options.previewContent),
      reviewValidation: flag(job.options.reviewValidation),
      streamTokens: flag(job.options.streamTokens),
    },
    pendingCheckpoint: checkpoint && {
      id: checkpoint.id,
      type: apiCheckpointType(checkpoint),
      prompt: checkpoint.prompt,
      deadline: checkpoint.deadline,
    },
    result: resultView(job),
    draftPath: draftPath && pathForClients(draftPath),
    finalPath,
    promoted,
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
