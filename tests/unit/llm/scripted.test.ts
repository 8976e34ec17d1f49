import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "../../../server/common/env";
import { LlmAbortedError, LlmTransportError } from "../../../server/llm/errors";
import { engineFor, overrideModelsForTests } from "../../../server/llm/models";
import { offlinePlan } from "../../../server/llm/offline/plan";
import { offlineRequirements } from "../../../server/llm/offline/requirements";
import { offlineIntent } from "../../../server/llm/offline/understanding";
import { runStep } from "../../../server/llm/run-step";
import { createScriptedModel } from "../../../dev/scripted/model";
import { REFINED_MARKER } from "../../../dev/scripted/scenarios";
import { validateSkillContent } from "../../../server/skills/validator";
import {
  assessQuality,
  gatherRequirements,
  generateContent,
  refineSkill,
  validateStructure,
} from "../../../server/llm/steps";

const task = "Help engineers debug Kubernetes pods stuck in CrashLoopBackOff.";
const requirements = offlineRequirements(task);
const plan = offlinePlan({
  requirements,
  intent: offlineIntent(task, requirements),
  taxonomy: {
    recommendedPath: `kubernetes/${requirements.suggestedSkillName}`,
    alternativePaths: [],
    pathRationale: "",
    newDirectories: [],
    confidence: 1,
  },
  dependencies: {
    prerequisiteSkills: [],
    complementarySkills: [],
    conflictingSkills: [],
    missingPrerequisites: [],
    dependencyRationale: "",
  },
});
const understanding = {
  taskDescription: task,
  domain: requirements.domain,
  targetLevel: requirements.targetLevel,
  topics: requirements.topics,
  constraints: [],
};

afterEach(() => {
  overrideModelsForTests();
  vi.unstubAllEnvs();
  resetEnvForTests();
});

describe("scripted scenarios", () => {
  it("SKILL_FLEET_MODEL=scripted:happy runs every step through the model path", async () => {
    vi.stubEnv("SKILL_FLEET_MODEL", "scripted:happy");
    resetEnvForTests();
    expect(engineFor("gatherRequirements")).toBe("scripted:happy");
    const result = await runStep(gatherRequirements, { taskDescription: task });
    expect(result.engine).toBe("scripted:happy");
    expect(result.output).toEqual(requirements);
    expect(result.usage.totalTokens).toBeGreaterThan(0);
    // Where the offline engine writes a scaffold, the scripted model writes finished content, as a model would.
    expect(generateContent.offline({ plan, understanding }).skillContent).toContain("[FILL IN:");
    const written = await runStep(generateContent, { plan, understanding }, { model: createScriptedModel("happy") });
    expect(written.output.skillContent).not.toContain("[FILL IN:");
    expect(validateSkillContent(written.output.skillContent).passed).toBe(true);
  });

  it("vague asks for clarification once: ambiguities until the task has answers", async () => {
    const model = createScriptedModel("vague");
    const first = await runStep(gatherRequirements, { taskDescription: task }, { model });
    expect(first.output.ambiguities.length).toBeGreaterThan(0);
    const second = await runStep(
      gatherRequirements,
      { taskDescription: task, clarifications: [{ answer: "For platform engineers using Helm" }] },
      { model },
    );
    expect(second.output.ambiguities).toEqual([]);
  });

  it("bad-name proposes an invalid name that structure validation rejects with a suggestion", async () => {
    const model = createScriptedModel("bad-name");
    const { output } = await runStep(gatherRequirements, { taskDescription: task }, { model });
    const structure = await runStep(
      validateStructure,
      { skillName: output.suggestedSkillName, description: output.description },
      { model },
    );
    expect(structure.output.nameValid).toBe(false);
    expect(structure.output.suggestedFixes[0]?.suggested).toBe("my-skill-name");
  });

  it("low-quality writes generic advice that fails the content score until the skill is refined", async () => {
    const model = createScriptedModel("low-quality");
    const content = (await runStep(generateContent, { plan, understanding }, { model })).output.skillContent;
    const first = validateSkillContent(content);
    expect(first.passed).toBe(false);
    const judged = await runStep(
      assessQuality,
      { skillContent: content, plan, successCriteria: plan.successCriteria },
      { model },
    );
    expect(judged.output.measured).toBe(true);
    const refined = await runStep(
      refineSkill,
      { currentContent: content, weaknesses: ["Specificity 0.10"], targetScore: 0.65, plan },
      { model },
    );
    expect(refined.output.refinedContent).toContain(REFINED_MARKER);
    expect(validateSkillContent(refined.output.refinedContent).passed).toBe(true);
  });

  it("failing-step fails content generation every time (it has no fallback)", async () => {
    overrideModelsForTests((step) => (step === "generateContent" ? createScriptedModel("failing-step") : undefined));
    await expect(runStep(generateContent, { plan, understanding })).rejects.toBeInstanceOf(LlmTransportError);
    expect((await runStep(gatherRequirements, { taskDescription: task })).engine).toBe("offline");
  });

  it("slow delays each step and can be cancelled mid-step", async () => {
    const model = createScriptedModel("slow");
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = Date.now();
    await expect(
      runStep(gatherRequirements, { taskDescription: task }, { model, signal: controller.signal }),
    ).rejects.toBeInstanceOf(LlmAbortedError);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
