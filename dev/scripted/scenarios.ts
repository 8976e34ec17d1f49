import type { StepName } from "../../server/llm/steps/names";
import type { Plan } from "../../server/llm/steps/schemas";
import { finishedSkill, scriptedJudge, WEAK_BODY, weakDraft } from "./finished";
import { delayed, malformedTimes, offlineReply, output, type ScriptedCall, type StepScript } from "./replies";

/**
 * Named scenarios for `SKILL_FLEET_MODEL=scripted:<name>` (refused in production): canned behaviour per step,
 * deterministic from each call's input so every job of a scenario behaves the same. Steps a scenario does not
 * script answer like the offline engine. To add one: `defineScenario("name", { description, steps: { … } })`.
 */
export interface Scenario {
  description: string;
  steps: Partial<Record<StepName, StepScript>>;
  /** Applied to every step without its own script (the `slow` scenario). */
  everyStep?: StepScript;
}

export const REFINED_MARKER = "<!-- refined by scripted model -->";

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" ? (value as Record<string, unknown>) : {};

const SCENARIOS = new Map<string, Scenario>();

export function defineScenario(name: string, scenario: Scenario): void {
  SCENARIOS.set(name, scenario);
}

export function scenarioFor(name: string): Scenario | undefined {
  return SCENARIOS.get(name);
}

export const hasScenario = (name: string): boolean => SCENARIOS.has(name);
export const scenarioNames = (): string[] => [...SCENARIOS.keys()];

defineScenario("happy", {
  description:
    "Every step answers like the offline engine, through the model path, except writing and judging: there it writes a finished skill and quotes it (dev/scripted/finished.ts).",
  steps: {},
});

/** Requirements that report two ambiguities until the task has been clarified once. */
const ambiguousUntilClarified: StepScript = (call) => {
  const clarified = ((asRecord(call.input).clarifications as unknown[] | undefined) ?? []).length > 0;
  const ambiguities = clarified
    ? []
    : [
        "Which tool, language or platform the skill is for is not stated.",
        "Who will use the skill and how much they already know is not stated.",
      ];
  return output({ ...asRecord(call.offline()), ambiguities });
};

defineScenario("vague", {
  description: "Requirements report ambiguities until the task has been clarified once.",
  steps: { gatherRequirements: ambiguousUntilClarified },
});

defineScenario("bad-name", {
  description: "Requirements always propose an invalid name, so structure validation asks for a fix.",
  steps: { gatherRequirements: (call) => output({ ...asRecord(call.offline()), suggestedSkillName: "My Skill_Name" }) },
});

/** The refined skill: finished content under the plan's name, marked so tests can see the refinement happened. */
const refinedSkill: StepScript = (call) => {
  const plan = asRecord(asRecord(call.input).plan) as {
    name: string;
    description: string;
    metadata?: Plan["metadata"];
  };
  const content = finishedSkill({ name: plan.name, description: plan.description, metadata: plan.metadata ?? [] });
  return output({
    refinedContent: `${content.trimEnd()}\n\n${REFINED_MARKER}\n`,
    improvementsMade: ["Replaced generic advice with the commands and checks"],
    newScoreEstimate: 0.85,
    requiresAnotherPass: false,
  });
};

defineScenario("low-quality", {
  description: "The first draft is generic advice (below the threshold) until validation refines it once.",
  steps: {
    generateContent: (call) => output(weakDraft(call.input)),
    refineSkill: refinedSkill,
  },
});

defineScenario("failing-step", {
  description: "Content generation always fails (no fallback exists for it), so the job fails.",
  steps: { generateContent: () => ({ kind: "throw", message: "scripted failure: generateContent always fails" }) },
});

/** The model-latency bench's fixed latency per call (tests/bench/model-latency.bench.ts). */
export const FIXED_LATENCY_MS = 300;

defineScenario("fixed-latency", {
  description: `Every step answers like the offline engine after exactly ${FIXED_LATENCY_MS} ms (the model-latency bench).`,
  steps: {},
  everyStep: delayed(FIXED_LATENCY_MS),
});

defineScenario("slow", {
  description: "Every step takes 1.5 s, long enough to reload or restart mid-job.",
  steps: {},
  everyStep: delayed(1500),
});

defineScenario("failing-intent", {
  description:
    "Intent analysis always fails; it has a documented fallback, so the job completes when fallbacks are on and fails when they are off.",
  steps: { analyzeIntent: () => ({ kind: "throw", message: "scripted failure: analyzeIntent always fails" }) },
});

defineScenario("failing-judge", {
  description:
    "The model judge always fails: a finished skill is written and judged by the deterministic model alone, and the result says the judge failed.",
  steps: { assessQuality: () => ({ kind: "throw", message: "scripted failure: the model judge always fails" }) },
});

defineScenario("plan-fallback", {
  description:
    "The plan's reply never fits its schema (three requests), so the offline engine's plan is used: the job ends pending_review naming synthesizePlan, and the step is labelled a fallback everywhere.",
  steps: { synthesizePlan: malformedTimes(99, '{"name": 7}') },
});

defineScenario("poor-quality", {
  description:
    "The draft stays generic advice and the judge agrees, so the job ends pending_review (promotable with force).",
  steps: {
    generateContent: (call) => output(weakDraft(call.input)),
    assessQuality: (call) => output(scriptedJudge(call.input, 0.3)),
  },
});

/** Hostile markdown a model could produce: the UI must show it as text and run none of it. */
export const XSS_PAYLOADS = [
  "<script>window.__xss = 'script'</script>",
  '<img src="x" onerror="window.__xss = \'img\'">',
  "[click me](javascript:window.__xss='link')",
  "<a href=\"javascript:window.__xss='anchor'\">anchor</a>",
].join("\n\n");

function withXssPayloads(generated: Record<string, unknown>): Record<string, unknown> {
  return {
    ...generated,
    skillContent: `${String(generated.skillContent ?? "").trimEnd()}\n\n## Untrusted output\n\n${XSS_PAYLOADS}\n`,
  };
}

/** Requirements with nothing left unclear, whatever the task's length. */
const clearRequirements: StepScript = (call) => output({ ...asRecord(call.offline()), ambiguities: [] });

/** True when the task (as the step sees it) carries `[tag]`. */
const marked = (call: ScriptedCall, tag: string): boolean => JSON.stringify(call.input ?? "").includes(`[${tag}]`);

const e2eRequirements: StepScript = (call) => {
  const script = marked(call, "clarify") ? ambiguousUntilClarified : clearRequirements;
  const answer = marked(call, "slow") ? delayed(1500, script)(call) : script(call);
  if (!marked(call, "bad-name") || answer.kind !== "output") return answer;
  return output({ ...asRecord(answer.value), suggestedSkillName: "My Skill_Name" });
};

const e2eContent: StepScript = (call) => {
  if (marked(call, "fail")) return { kind: "throw", message: "scripted failure: content generation failed" };
  if (marked(call, "xss")) return output(withXssPayloads(asRecord(call.offline())));
  if (marked(call, "poor")) return output(weakDraft(call.input));
  return marked(call, "slow") ? delayed(4000)(call) : offlineReply(call);
};

/** A [plan-fallback] job's plan never fits its schema: the offline engine's plan is used, labelled a fallback. */
const e2ePlan: StepScript = (call) =>
  marked(call, "plan-fallback") ? { kind: "text", text: '{"name": 7}' } : offlineReply(call);

/** The judge agrees with the content model about a [poor] job's weak draft (it stays generic advice). */
const e2eJudge: StepScript = (call) =>
  String(asRecord(call.input).skillContent).includes(WEAK_BODY.trim())
    ? output(scriptedJudge(call.input, 0.3))
    : offlineReply(call);

defineScenario("e2e", {
  description:
    "Browser tests, one server for every journey: markers in the task pick the behaviour per job. [clarify] asks once, " +
    "[slow] makes requirements and content generation take seconds, [fail] makes content generation fail, [xss] puts hostile " +
    "markup in the generated content, [bad-name] proposes an invalid name (the fix-name form), [poor] keeps the quality " +
    "below the bar (pending_review), [plan-fallback] makes every plan reply unusable (the plan falls back); otherwise like happy. Eval answers take 200 ms each, so an eval can be watched live.",
  steps: {
    gatherRequirements: e2eRequirements,
    synthesizePlan: e2ePlan,
    generateContent: e2eContent,
    assessQuality: e2eJudge,
    answerEvalCase: delayed(200),
  },
});

/** The share of model calls the `faulty` scenario spoils, and what a spoiled call does (in turn). */
export const FAULT_RATE = 0.3;
const FAULTS: readonly StepScript[] = [
  () => ({ kind: "error", status: 503, message: "scripted fault: the provider is overloaded" }),
  () => ({ kind: "throw", message: "scripted fault: the connection was reset" }),
  () => ({ kind: "hang" }),
  () => ({ kind: "text", text: '{"truncated": "scripted fault: malformed JSON' }),
  // A timeout: the answer comes, but only after SKILL_FLEET_LLM_TIMEOUT_MS (the stress suite sets it low).
  delayed(60_000),
];

/** Spoils FAULT_RATE of the calls at random (Math.random: faults must not line up with steps or jobs). */
const faultyCall: StepScript = (call) => {
  if (Math.random() >= FAULT_RATE) return offlineReply(call);
  const fault = FAULTS[Math.floor(Math.random() * FAULTS.length)] ?? offlineReply;
  return fault(call);
};

defineScenario("faulty", {
  description:
    `${Math.round(FAULT_RATE * 100)} % of the calls, at random, fail: HTTP 503, a thrown error, a hang (until the call's ` +
    "timeout), malformed JSON, or an answer slower than any timeout; the others answer like happy (the stress suite).",
  steps: {},
  everyStep: faultyCall,
});
