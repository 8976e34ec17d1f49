import { describe, expect, it } from "vitest";
import { runStep } from "../../../server/llm/run-step";
import {
  analyzeDependencies,
  analyzeIntent,
  assessQuality,
  checkCompliance,
  findTaxonomyPath,
  gatherRequirements,
  generateClarifyingQuestions,
  generateContent,
  generateTestCases,
  synthesizePlan,
  validateStructure,
} from "../../../server/llm/steps";
import { gatherRequirements as gatherStep } from "../../../server/llm/steps/gather-requirements";
import { validateSkillContent } from "../../../server/skills/validator";
import { OFFLINE_TASKS } from "../../fixtures/llm/tasks";

/** The whole offline understanding → generation → validation chain for one task, through runStep. */
async function offlineSkill(task: string) {
  const requirements = (await runStep(gatherRequirements, { taskDescription: task })).output;
  const structure = (
    await runStep(validateStructure, {
      skillName: requirements.suggestedSkillName,
      description: requirements.description,
    })
  ).output;
  const intent = (await runStep(analyzeIntent, { taskDescription: task, requirements })).output;
  const taxonomy = (
    await runStep(findTaxonomyPath, {
      taskDescription: task,
      requirements,
      taxonomyStructure: "{}",
      existingSkills: [],
    })
  ).output;
  const dependencies = (
    await runStep(analyzeDependencies, {
      taskDescription: task,
      intent,
      taxonomyPath: taxonomy.recommendedPath,
      existingSkills: [],
    })
  ).output;
  const plan = (await runStep(synthesizePlan, { requirements, intent, taxonomy, dependencies })).output;
  const understanding = {
    taskDescription: task,
    domain: requirements.domain,
    targetLevel: requirements.targetLevel,
    topics: requirements.topics,
    constraints: requirements.constraints,
    intent,
    dependencies,
  };
  const content = (await runStep(generateContent, { plan, understanding })).output;
  return { requirements, structure, plan, content };
}

describe("offline engine", () => {
  it.each(OFFLINE_TASKS)("turns the $id task into a skill that passes the validator's spec tier", async ({ task }) => {
    const { structure, plan, content } = await offlineSkill(task);
    const folderName = plan.taxonomyPath.split("/").pop();
    expect(folderName).toBe(plan.name);
    const report = validateSkillContent(content.skillContent, { folderName });
    const specErrors = report.findings.filter((f) => f.tier === "spec" && f.severity === "error");
    expect(specErrors).toEqual([]);
    expect(structure.overallValid).toBe(true);
    expect(plan.name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(plan.name.length).toBeLessThanOrEqual(64);
    expect(plan.name).not.toMatch(/claude|anthropic/);
    expect(plan.description.startsWith("Use when")).toBe(true);
    expect(plan.description).not.toMatch(/[<>]/);
    expect(plan.metadata["generated-by"]).toBe("offline");
    expect(content.skillContent).toContain("generated-by: offline");
    expect(content.skillContent).toContain("## When to Use");
  });

  it("works the user's topics into the sections the category template requires", async () => {
    const { requirements, plan, content } = await offlineSkill(
      "Use the Linear MCP server to triage new issues every morning: label them, set priority and assign an owner.",
    );
    expect(requirements.skillCategory).toBe("mcp_enhancement");
    for (const heading of ["## MCP Tools Used", "## Tool Sequences", "## Error Recovery", "## Prerequisites"])
      expect(content.skillContent).toContain(heading);
    expect(content.skillContent.toLowerCase()).toContain("linear");
    expect(plan.triggerPhrases.length).toBeGreaterThanOrEqual(3);
  });

  it("keeps code from the task as an example, inside a fence that cannot be broken", async () => {
    const { content } = await offlineSkill(OFFLINE_TASKS.find((t) => t.id === "code-python")?.task ?? "");
    expect(content.skillContent).toContain("requests.get(url, timeout=5)");
    expect(content.skillContent).toMatch(/```python\nimport time, requests/);
  });

  it("offline drafts score at or above the pass threshold and comply", async () => {
    const { plan, content } = await offlineSkill(
      "Help engineers debug Kubernetes pods stuck in CrashLoopBackOff: read logs, describe the pod, check probes.",
    );
    const quality = (
      await runStep(assessQuality, { skillContent: content.skillContent, plan, successCriteria: plan.successCriteria })
    ).output;
    const compliance = (
      await runStep(checkCompliance, { skillContent: content.skillContent, taxonomyPath: plan.taxonomyPath })
    ).output;
    expect(compliance.passed).toBe(true);
    expect(quality.overallScore).toBeGreaterThanOrEqual(0.75);
    const tests = (
      await runStep(generateTestCases, {
        skillName: plan.name,
        skillDescription: plan.description,
        triggerPhrases: plan.triggerPhrases,
        negativeTriggers: plan.negativeTriggers,
        skillCategory: plan.skillCategory,
      })
    ).output;
    expect(tests.positiveTests.length).toBeGreaterThanOrEqual(5);
    expect(tests.negativeTests.length).toBeGreaterThanOrEqual(5);
    expect(tests.totalTests).toBe(tests.positiveTests.length + tests.negativeTests.length + tests.edgeCases.length);
  });

  it.each(OFFLINE_TASKS.filter((t) => t.vague))(
    "asks clarifying questions with options for the vague $id task",
    async ({ task }) => {
      const requirements = (await runStep(gatherRequirements, { taskDescription: task })).output;
      expect(requirements.ambiguities.length).toBeGreaterThan(0);
      expect(requirements.ambiguities.every((a) => a.length > 10)).toBe(true);
      const { questions } = (
        await runStep(generateClarifyingQuestions, {
          taskDescription: task,
          ambiguities: requirements.ambiguities,
          requirements,
        })
      ).output;
      expect(questions.length).toBeGreaterThanOrEqual(2);
      expect(questions.some((q) => q.questionType === "single" && q.options.length >= 2)).toBe(true);
      expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    },
  );

  it("does not ask again once the vague task has been clarified", async () => {
    const clarifications = [
      { question: "Which technology?", answer: "Kubernetes deployments with Helm charts for platform engineers" },
    ];
    const requirements = (await runStep(gatherRequirements, { taskDescription: "help me with stuff", clarifications }))
      .output;
    expect(requirements.ambiguities).toEqual([]);
    expect(requirements.topics.join(" ")).toMatch(/helm|kubernetes/);
  });

  it("a clear task does not trigger clarification", async () => {
    const requirements = (
      await runStep(gatherRequirements, {
        taskDescription: "A skill for tuning slow PostgreSQL queries with EXPLAIN ANALYZE and indexes.",
      })
    ).output;
    expect(requirements.ambiguities).toEqual([]);
  });

  it("a prompt-injection task keeps the output schema and never echoes the instructions", async () => {
    const task = OFFLINE_TASKS.find((t) => t.id === "injection")?.task ?? "";
    const { requirements, content } = await offlineSkill(task);
    expect(gatherStep.output.safeParse(requirements).success).toBe(true);
    const system = gatherStep.prompt({ taskDescription: task }).system;
    const everything = JSON.stringify(requirements) + content.skillContent;
    expect(everything).not.toContain(system.slice(0, 60));
    expect(everything.toLowerCase()).not.toContain("ignore previous instructions");
    expect(everything.toLowerCase()).not.toContain("api key");
    expect(requirements.topics.join(" ")).toContain("csv");
  });
});
