import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { fieldErrors, formError, isUnreachable, sentence, type ApiError } from "../../../app/_lib/api-errors";
import { formatMs, formatUsd, relativeTime } from "../../../app/_lib/format";
import { answerWords, questionWords, type PastCheckpoint } from "../../../app/_components/job/answer-words";
import { explainFailure } from "../../../app/_components/job/failure";
import { barGeometry, costText } from "../../../app/_components/job/waterfall";
import { checkDescription, skillNameIssues } from "../../../contracts/skill-naming";
import { LlmSchemaError, LlmTimeoutError, LlmTransportError } from "../../../server/llm/errors";
import type { AppRouter } from "../../../server/trpc/root";

/** The pure helpers behind the job page, the timeline and the forms. */
describe("times, durations and money", () => {
  const now = new Date("2025-06-01T12:00:00Z");
  it("reads deadlines and ages relative to now", () => {
    expect(relativeTime(new Date("2025-06-02T11:00:00Z"), now)).toBe("in 23 hr.");
    expect(relativeTime(new Date("2025-06-01T11:55:00Z"), now)).toBe("5 min. ago");
    expect(relativeTime(new Date("2025-05-31T12:00:00Z"), now)).toBe("yesterday");
    expect(relativeTime(new Date("2025-06-01T12:00:20Z"), now)).toBe("just now");
  });

  it("formats step durations and estimated costs", () => {
    expect(formatMs(850)).toBe("850 ms");
    expect(formatMs(4_240)).toBe("4.2 s");
    expect(formatMs(42_000)).toBe("42 s");
    expect(formatUsd(0)).toBe("$0");
    expect(formatUsd(0.000123)).toBe("$0.00012");
    expect(formatUsd(1.5)).toBe("$1.50");
    expect(costText(null, null)).toBe("—");
    expect(costText("scripted:happy", null)).toBe("cost unknown");
    expect(costText("offline", 0)).toBe("$0");
  });
});

describe("a failed job in plain words", () => {
  it("explains the engine's own errors and says what to do next", () => {
    const transport = new LlmTransportError("generateContent", 3, new Error("ECONNREFUSED"));
    expect(explainFailure(transport.message)).toEqual({
      reason: "The model could not be reached (tried 3 times).",
      advice: expect.stringMatching(/run the job again/),
    });
    expect(explainFailure(new LlmTimeoutError("assessQuality", 120_000).message).reason).toBe(
      "The model did not answer within 120 seconds.",
    );
    expect(explainFailure(new LlmSchemaError("synthesizePlan", 3, ["x: required"], "{}").message).reason).toMatch(
      /not in the expected form, even after 3 attempts/,
    );
    const expiry = "Checkpoint 'preview' was not answered before its deadline (2025-01-01T00:00:00.000Z)";
    expect(explainFailure(expiry).reason).toBe("Nobody answered the job's question before its deadline.");
  });

  it("quotes an error it has no words for, and says so when there was none", () => {
    expect(explainFailure("disk full").reason).toBe("The step reported: “disk full”");
    expect(explainFailure(null).reason).toBe("No reason was recorded.");
  });
});

describe("answers in the words of their form", () => {
  const base = {
    id: "c1",
    key: "k",
    status: "answered" as const,
    answeredAt: new Date(0),
    deadline: new Date(0),
    createdAt: new Date(0),
    readable: true as const,
  };
  it("reads clarifying answers as question — choice, with free text quoted", () => {
    const checkpoint: PastCheckpoint = {
      ...base,
      type: "clarify",
      prompt: {
        priority: "important",
        rationale: "r",
        round: 1,
        maxRounds: 3,
        questions: [
          {
            id: "q1",
            text: "Which platform?",
            questionType: "single",
            allowsOther: true,
            options: [{ id: "k8s", label: "Kubernetes" }],
          },
          { id: "q2", text: "Is CI in scope?", questionType: "boolean", allowsOther: false, options: [] },
          { id: "q3", text: "Anything else?", questionType: "text", allowsOther: false, options: [] },
        ],
      },
      response: {
        action: "answer",
        answers: { q1: { selected: ["k8s"], text: "and Nomad" }, q2: { selected: ["no"] } },
      },
    };
    expect(questionWords(checkpoint)).toEqual(["Which platform?", "Is CI in scope?", "Anything else?"]);
    expect(answerWords(checkpoint)).toEqual([
      "Which platform? — Kubernetes, “and Nomad”",
      "Is CI in scope? — No",
      "Anything else? — skipped",
    ]);
  });

  it("reads decisions, fixes, cancels and unanswered checkpoints as sentences", () => {
    const preview = {
      ...base,
      type: "preview" as const,
      prompt: { content: "x", highlights: [], sectionsCount: 4, examplesCount: 2, readingTime: 1 },
    };
    expect(answerWords({ ...preview, response: { action: "refine", feedback: "Add rollback" } })).toEqual([
      "Asked for a refinement: “Add rollback”",
    ]);
    expect(answerWords({ ...preview, response: { action: "proceed" } })).toEqual(["Approved the content."]);
    expect(answerWords({ ...preview, response: { action: "cancel" } })).toEqual(["Cancelled the job here."]);
    expect(answerWords({ ...preview, status: "expired", response: null })).toEqual([
      "Not answered before the deadline.",
    ]);
    expect(questionWords({ ...preview, response: null })).toEqual(["Approve the SKILL.md (4 sections, 2 examples)?"]);
    const fix = {
      ...base,
      type: "structure_fix" as const,
      prompt: { issues: ["bad"], warnings: [], suggestedFixes: [], currentValues: { name: "a", description: "b" } },
    };
    expect(answerWords({ ...fix, response: { action: "apply", acceptSuggestions: true } })).toEqual([
      "Accepted the suggested fixes.",
    ]);
    expect(answerWords({ ...fix, response: { action: "apply", acceptSuggestions: false, name: "pg-locks" } })).toEqual([
      "Chose the name “pg-locks”.",
    ]);
  });
});

describe("the fix-name form's inline rules", () => {
  it("refuses what the server's structure check refuses", () => {
    expect(skillNameIssues("postgres-migration-locks")).toEqual([]);
    expect(skillNameIssues("My Skill_Name").map((i) => i.rule)).toEqual(["format"]);
    expect(skillNameIssues("claude-helper").map((i) => i.rule)).toEqual(["reserved"]);
    expect(skillNameIssues("a".repeat(65)).map((i) => i.rule)).toEqual(["length"]);
    expect(skillNameIssues(" ").map((i) => i.rule)).toEqual(["empty", "format"]);
    expect(checkDescription("Reviews migrations. Use when a migration is about to ship.").errors).toEqual([]);
    // Saying when to use the skill is advice, never a blocker.
    expect(checkDescription("Reviews migrations.")).toMatchObject({
      errors: [],
      warnings: ['The description does not say when to use the skill ("Use when …")'],
    });
    expect(checkDescription("x".repeat(1025)).errors).toEqual(["Description is 1025 characters (at most 1024)"]);
    expect(checkDescription("Use when <b>bold</b>").securityIssues).toHaveLength(1);
  });

  it("reads the other ways of saying when, as the quality model does", () => {
    for (const description of [
      "Reviews migrations. Use before a migration ships.",
      "You MUST use this when a migration touches a large table.",
      "Invoke for schema migrations on PostgreSQL.",
    ])
      expect(checkDescription(description).hasTrigger).toBe(true);
  });
});

describe("API errors as the page shows them", () => {
  // What the tRPC client builds from the server's error response (server/trpc/trpc.ts formats `data`).
  const zodError = (fieldErrors: Record<string, string[]>, formErrors: string[] = []): ApiError =>
    TRPCClientError.from<AppRouter>({
      error: {
        code: -32600,
        message: '[{"code":"too_big"}]',
        data: { code: "BAD_REQUEST", httpStatus: 400, zodError: { fieldErrors, formErrors } },
      },
    });
  it("puts each refused field's problem next to it, and never the raw list of issues", () => {
    const error = zodError({ task: ["task must be at most 20,000 characters"] });
    expect(fieldErrors(error)).toEqual({ task: "Task must be at most 20,000 characters." });
    expect(formError(error)).toBeNull();
    expect(formError(zodError({}, ["bad input"]))).toBe("Bad input.");
  });

  it("tells an unreachable server from a refusal", () => {
    const network = TRPCClientError.from<AppRouter>(new TypeError("Failed to fetch"));
    expect(isUnreachable(network)).toBe(true);
    expect(formError(network)).toBe("The server cannot be reached right now.");
    expect(isUnreachable(zodError({}))).toBe(false);
    expect(sentence("already answered")).toBe("Already answered.");
  });
});

describe("the waterfall's bars", () => {
  const step = (key: string, start: number, ms: number) => ({
    key,
    status: "completed" as const,
    error: null,
    attempts: 1,
    startedAt: new Date(start),
    completedAt: new Date(start + ms),
    durationMs: ms,
    usage: {},
    model: null,
    costUsd: null,
    input: null,
    output: null,
    provenance: null,
  });
  it("places each step on the job's time axis, so parallel steps overlap", () => {
    const bars = barGeometry([step("a", 0, 100), step("b", 100, 300), step("c", 100, 100)], 0);
    expect(bars.get("a")).toEqual({ left: 0, width: 25 });
    expect(bars.get("b")).toEqual({ left: 25, width: 75 });
    expect(bars.get("c")).toEqual({ left: 25, width: 25 });
  });

  it("shortens a long wait between steps (an unanswered question) so the steps stay readable", () => {
    const bars = barGeometry([step("a", 0, 100), step("b", 3_600_000, 100)], 0);
    // 200 ms of work and an hour of waiting: the wait shrinks to 5% of the busy time (10 ms).
    expect(bars.get("a")).toEqual({ left: 0, width: (100 / 210) * 100 });
    expect(bars.get("b")?.left).toBeCloseTo((110 / 210) * 100, 10);
  });
});
