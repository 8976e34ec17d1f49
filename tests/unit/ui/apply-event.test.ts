import { describe, expect, it } from "vitest";
import { applyEvent, needsJobRead, type JobView, type StoredEvent } from "../../../app/_components/job/apply-event";

/** The job page follows its live events instead of fetching the job after each one (docs/performance.md). */
const at = new Date("2026-01-01T00:00:00Z");
const job: JobView = {
  id: "00000000-0000-4000-8000-000000000001",
  workflow: "skill",
  status: "pending",
  phase: null,
  progress: 0,
  progressMessage: null,
  task: "a task for the page",
  options: { confirmPlan: true, previewContent: false, reviewValidation: false, streamTokens: false },
  pendingCheckpoint: null,
  result: null,
  failedStep: null,
  draft: null,
  finalPath: null,
  finalVersion: null,
  promoted: false,
  error: null,
  createdAt: at,
  updatedAt: at,
  startedAt: null,
  completedAt: null,
};

let seq = 0;
const event = (type: StoredEvent["type"], fields: Partial<StoredEvent> = {}): StoredEvent => ({
  seq: ++seq,
  type,
  phase: null,
  message: "",
  data: {},
  createdAt: at,
  ...fields,
});
const play = (events: StoredEvent[], from: JobView = job) => events.reduce(applyEvent, from);

describe("applying live events to the job the page shows", () => {
  it("stays queued on its queued event, runs from its first phase, and moves progress forward only", () => {
    expect(play([event("progress", { message: "Job queued", data: { percent: 0 } })]).status).toBe("pending");
    const running = play([
      event("phase_start", { phase: "Understanding" }),
      event("progress", { message: "Reading the task", data: { percent: 10 } }),
      event("progress", { message: "stale", data: { percent: 5 } }),
    ]);
    expect(running).toMatchObject({ status: "running", phase: "Understanding", progress: 10 });
    expect(running.progressMessage).toBe("Reading the task");
  });

  it("waits as a checkpoint is asked (its form comes with the job read it asks for) and clears it when answered", () => {
    const asking = event("hitl_required", { data: { checkpointId: "c1", type: "clarify", prompt: {}, deadline: "x" } });
    const asked = play([event("phase_start", { phase: "Understanding" }), asking]);
    expect(asked).toMatchObject({ status: "pending_user_input", pendingCheckpoint: null });
    expect(needsJobRead(asking)).toBe(true);
    expect(needsJobRead(event("progress", { data: { percent: 5 } }))).toBe(false);
    // The job as read again, with the confirm checkpoint open.
    const open = {
      id: "c2",
      type: "confirm" as const,
      prompt: {},
      deadline: at,
      previous: null,
      readable: false as const,
      problem: "fixture",
    };
    const confirm = applyEvent(
      { ...asked, status: "pending_hitl", pendingCheckpoint: open },
      event("hitl_required", { data: { checkpointId: "c2", type: "confirm" } }),
    );
    expect(confirm).toMatchObject({ status: "pending_hitl", pendingCheckpoint: open });
    // The answer of an older checkpoint does not clear the one now open.
    expect(applyEvent(confirm, event("hitl_answered", { data: { checkpointId: "c1" } })).pendingCheckpoint?.id).toBe(
      "c2",
    );
    const answered = applyEvent(confirm, event("hitl_answered", { data: { checkpointId: "c2", type: "confirm" } }));
    expect(answered).toMatchObject({ status: "running", pendingCheckpoint: null });
  });

  it("ends the job with its closing event: completed (or pending review), failed with its reason, cancelled", () => {
    const running = play([event("phase_start", { phase: "Validation" })]);
    expect(applyEvent(running, event("completed", { data: { status: "pending_review" } }))).toMatchObject({
      status: "pending_review",
      progress: 100,
    });
    expect(applyEvent(running, event("failed", { message: "the model timed out" }))).toMatchObject({
      status: "failed",
      error: "the model timed out",
    });
    const waiting = applyEvent(
      running,
      event("hitl_required", {
        data: { checkpointId: "c3", type: "validate", prompt: {}, deadline: at.toISOString() },
      }),
    );
    expect(applyEvent(waiting, event("cancelled"))).toMatchObject({ status: "cancelled", pendingCheckpoint: null });
  });

  it("ignores an event whose data it cannot read", () => {
    const running = play([event("phase_start", { phase: "Understanding" })]);
    expect(applyEvent(running, event("hitl_required", { data: { type: "not-a-checkpoint" } }))).toEqual(running);
    expect(applyEvent(running, event("progress", { data: { percent: "ten" } }))).toEqual(running);
  });
});
