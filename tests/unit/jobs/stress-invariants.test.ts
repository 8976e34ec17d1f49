import { describe, expect, it } from "vitest";
import { timelineProblems, type Timeline } from "../../stress/support/invariants";

/** The stress suite's invariant checks (tests/stress/support/invariants.ts) each catch the breakage they name. */
type Event = Timeline["events"][number];
type Step = Timeline["steps"][number];

const at = new Date(0);
const event = (seq: number, type: Event["type"], data: Event["data"] = {}): Event => ({
  seq,
  type,
  phase: null,
  message: "",
  data,
  createdAt: at,
});
const step = (key: string, attempts: number): Step => ({
  key,
  status: "completed",
  error: null,
  attempts,
  startedAt: at,
  completedAt: at,
  durationMs: 1,
  usage: {},
  provenance: null,
  model: null,
  costUsd: null,
  input: null,
  output: null,
});
const checkpoint = (id: string, status: "answered" | "pending") =>
  ({ id, status }) as unknown as Timeline["checkpoints"][number];

const CHECKPOINT = "c1";
/** A clean history: a step, an answered checkpoint, the end. */
function clean(): Timeline {
  return {
    steps: [step("a", 1)],
    totals: {} as Timeline["totals"],
    checkpoints: [checkpoint(CHECKPOINT, "answered")],
    events: [
      event(1, "step_start", { key: "a" }),
      event(2, "step_end", { key: "a", status: "completed" }),
      event(3, "hitl_required", { checkpointId: CHECKPOINT }),
      event(4, "hitl_answered", { checkpointId: CHECKPOINT }),
      event(5, "completed"),
    ],
  };
}

const renumber = (events: Event[]) => events.map((e, index) => ({ ...e, seq: index + 1 }));

describe("stress invariants", () => {
  it("accept a clean history, and a step cut off by a kill that ran twice", () => {
    expect(timelineProblems("job", clean(), true)).toEqual([]);
    const cutOff = clean();
    cutOff.steps = [step("a", 2)];
    cutOff.events = renumber([event(0, "step_start", { key: "a" }), ...cutOff.events]);
    expect(timelineProblems("job", cutOff, true)).toEqual([]);
  });

  it("catch a seq gap, a second terminal event, a missing or doubled answer event and a re-run finished step", () => {
    const gap = clean();
    gap.events = gap.events.filter((e) => e.seq !== 3);
    expect(timelineProblems("job", gap, true).join()).toMatch(/gap/);

    const twice = clean();
    twice.events = renumber([...twice.events, event(0, "completed")]);
    expect(timelineProblems("job", twice, true).join()).toMatch(/2 terminal events/);
    expect(timelineProblems("job", clean(), false).join()).toMatch(/not finished but has a terminal event/);

    const lost = clean();
    lost.events = renumber(lost.events.filter((e) => e.type !== "hitl_answered"));
    expect(timelineProblems("job", lost, true).join()).toMatch(/0 hitl_answered events/);
    const doubled = clean();
    doubled.events = renumber([...doubled.events.slice(0, 4), ...doubled.events.slice(3)]);
    expect(timelineProblems("job", doubled, true).join()).toMatch(/2 hitl_answered events/);

    const rerun = clean();
    rerun.steps = [step("a", 2)];
    rerun.events = renumber([
      ...rerun.events.slice(0, 2),
      event(0, "step_start", { key: "a" }),
      event(0, "step_end", { key: "a", status: "completed" }),
      ...rerun.events.slice(2),
    ]);
    expect(timelineProblems("job", rerun, true).join()).toMatch(/ran again after it completed/);
  });
});
