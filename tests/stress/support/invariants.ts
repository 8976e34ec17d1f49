import type { SkillFleetClient } from "../../../cli/client";
import { TERMINAL_EVENTS } from "../../../contracts/job-status";

/**
 * The invariants a job's stored history must keep whatever happened to the server (docs/stress.md): each check
 * returns the broken ones as sentences, so one failing assertion lists every broken job at once.
 */
export type Timeline = Awaited<ReturnType<SkillFleetClient["jobs"]["timeline"]["query"]>>;
type StoredEvent = Timeline["events"][number];

const keyOf = (event: StoredEvent): string => String(event.data.key ?? "");

/** seq runs 1, 2, 3, … without a gap or a repeat. */
export function seqGaps(jobId: string, timeline: Timeline): string[] {
  const seqs = timeline.events.map((event) => event.seq);
  const broken = seqs.findIndex((seq, index) => seq !== index + 1);
  return broken === -1 ? [] : [`${jobId}: event seq ${seqs.join(",")} has a gap or a repeat at #${broken + 1}`];
}

/** A finished job has exactly one terminal event, and it is the last one; an unfinished job has none. */
export function terminalEvents(jobId: string, timeline: Timeline, finished: boolean): string[] {
  const terminal = timeline.events.filter((event) => TERMINAL_EVENTS.has(event.type));
  const last = timeline.events.at(-1);
  if (!finished) return terminal.length === 0 ? [] : [`${jobId}: not finished but has a terminal event`];
  if (terminal.length !== 1) return [`${jobId}: ${terminal.length} terminal events`];
  return last && TERMINAL_EVENTS.has(last.type) ? [] : [`${jobId}: the terminal event is not the last one`];
}

/** Every answered checkpoint has exactly one hitl_answered event; no other checkpoint has any. */
export function answerEvents(jobId: string, timeline: Timeline): string[] {
  const answered = timeline.events.filter((event) => event.type === "hitl_answered");
  return timeline.checkpoints.flatMap((checkpoint) => {
    const count = answered.filter((event) => event.data.checkpointId === checkpoint.id).length;
    const expected = checkpoint.status === "answered" ? 1 : 0;
    return count === expected
      ? []
      : [`${jobId}: checkpoint ${checkpoint.id} (${checkpoint.status}) has ${count} hitl_answered events`];
  });
}

/**
 * No finished step ran again: after a step's successful step_end no step_start of it follows, it has one such end,
 * and its `attempts` equals the times it was started (a step cut off by a kill may legitimately run twice).
 */
export function stepReruns(jobId: string, timeline: Timeline): string[] {
  return timeline.steps.flatMap((step) => {
    const own = timeline.events.filter(
      (event) => (event.type === "step_start" || event.type === "step_end") && keyOf(event) === step.key,
    );
    const starts = own.filter((event) => event.type === "step_start").length;
    const doneAt = own.findIndex((event) => event.type === "step_end" && event.data.status === "completed");
    const problems: string[] = [];
    if (starts !== step.attempts) problems.push(`${step.key}: ${starts} step_start events, attempts ${step.attempts}`);
    if (doneAt !== -1 && doneAt !== own.length - 1) problems.push(`${step.key}: ran again after it completed`);
    const ends = own.filter((event) => event.type === "step_end" && event.data.status === "completed").length;
    if (step.status === "completed" && ends !== 1) problems.push(`${step.key}: completed with ${ends} ends`);
    return problems.map((problem) => `${jobId}: ${problem}`);
  });
}

export function timelineProblems(jobId: string, timeline: Timeline, finished: boolean): string[] {
  return [
    ...seqGaps(jobId, timeline),
    ...terminalEvents(jobId, timeline, finished),
    ...answerEvents(jobId, timeline),
    ...stepReruns(jobId, timeline),
  ];
}
