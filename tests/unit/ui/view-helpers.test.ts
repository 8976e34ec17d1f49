import type { Provenance } from "@/contracts/provenance";
import { provenanceLine } from "@/contracts/provenance-line";
import { describe, expect, it } from "vitest";
import { taskProblem, TASK_MAX } from "../../../app/_components/create/task-rules";
import { stepRows } from "../../../app/_components/job/step-log";
import { stepLabel } from "../../../app/_components/job/step-labels";
import type { StoredEvent } from "../../../app/_components/job/use-job-stream";
import { formatDuration } from "../../../app/_components/jobs/job-table";
import { splitFrontmatter } from "../../../app/_components/markdown-view";
import { statusLabel } from "../../../app/_lib/status-labels";

/** The pure helpers behind the pages: what the create form says, how steps and durations read. */
describe("create form rules", () => {
  it("asks for a task, then for 10 characters, then accepts, and refuses over 20,000", () => {
    expect(taskProblem("   ")).toBe("Describe the task the skill is for.");
    expect(taskProblem("short")).toBe("Say a little more: at least 10 characters (5 so far).");
    expect(taskProblem("0123456789")).toBeNull();
    expect(taskProblem("x".repeat(TASK_MAX))).toBeNull();
    expect(taskProblem("x".repeat(TASK_MAX + 1))).toMatch(/too long/);
  });
});

describe("step log", () => {
  const event = (seq: number, type: StoredEvent["type"], data: Record<string, unknown>, message = ""): StoredEvent =>
    ({ seq, type, phase: "Understanding", message, data, createdAt: new Date(0) }) as StoredEvent;

  it("labels keys as what the step does, with attempt, version, re-check and round when they matter", () => {
    expect(stepLabel("understanding#1/requirements")).toBe("Gathering the requirements");
    expect(stepLabel("understanding#2/structure@3")).toBe("Checking the name and description (attempt 3, round 2)");
    expect(stepLabel("understanding#1/plan@2")).toBe("Planning the skill (version 2)");
    expect(stepLabel("validation#1/rescore@1/quality")).toBe("Assessing the quality (re-check 1)");
    expect(stepLabel("understanding#1/dependencies-refined")).toBe("Analysing dependencies again");
    expect(stepLabel("generation#1/part-2")).toBe("Part 2");
  });

  it("folds start/end events into one row per step with duration, failure and reasoning", () => {
    const rows = stepRows([
      event(1, "step_start", { key: "a#1/one" }),
      event(2, "reasoning", { step: "one" }, "because"),
      event(3, "step_end", { key: "a#1/one", status: "completed", durationMs: 12 }),
      event(4, "step_start", { key: "a#1/two" }),
      event(5, "step_end", { key: "a#1/two", status: "failed", durationMs: 3, error: "boom" }),
      event(6, "step_start", { key: "a#1/three" }),
    ]);
    expect(rows).toEqual([
      { key: "a#1/one", status: "completed", durationMs: 12, error: null, reasoning: ["because"], provenance: null },
      { key: "a#1/two", status: "failed", durationMs: 3, error: "boom", reasoning: [], provenance: null },
      { key: "a#1/three", status: "running", durationMs: null, error: null, reasoning: [], provenance: null },
    ]);
  });

  it("keeps who wrote a step's output, as its end event says", () => {
    const provenance = {
      step: "synthesizePlan",
      source: "fallback",
      engine: "openai:gpt-4.1-mini",
      reason: "Step synthesizePlan returned output that does not match its schema after 3 attempts",
      requests: [1, 2, 3].map((n) => ({
        kind: n === 1 ? "ask" : "reask",
        outcome: "invalid-reply",
        status: null,
        detail: "name: expected string",
        durationMs: 5,
      })),
      tokens: { input: 30, output: null, total: null },
      strictDropped: false,
    };
    const rows = stepRows([
      event(1, "step_start", { key: "u#1/plan" }),
      event(2, "step_end", { key: "u#1/plan", status: "completed", durationMs: 9, provenance }),
    ]);
    expect(rows[0]?.provenance).toEqual(provenance);
    expect(provenanceLine(provenance as Provenance)).toBe(
      "fallback (offline engine) after openai:gpt-4.1-mini failed · 3 requests (2 re-asks): Step synthesizePlan returned output that does not match its schema after 3 attempts",
    );
  });
});

describe("formatting", () => {
  it("durations read in the largest sensible unit; unfinished is a dash", () => {
    const from = new Date(0);
    expect(formatDuration(from, null)).toBe("—");
    expect(formatDuration(from, new Date(42_000))).toBe("42 s");
    expect(formatDuration(from, new Date(125_000))).toBe("2 min 5 s");
    expect(formatDuration(from, new Date(3_780_000))).toBe("1 h 3 min");
  });

  it("statuses read as words", () => {
    expect(statusLabel("pending_user_input")).toBe("needs your answers");
    expect(statusLabel("pending_review")).toBe("finished, needs review");
    expect(statusLabel("something_new")).toBe("something new");
  });

  it("splits a SKILL.md into frontmatter and body for display", () => {
    expect(splitFrontmatter("---\nname: x\n---\n# Body\n")).toEqual({ frontmatter: "name: x", body: "# Body\n" });
    expect(splitFrontmatter("# No frontmatter")).toEqual({ frontmatter: null, body: "# No frontmatter" });
  });
});
