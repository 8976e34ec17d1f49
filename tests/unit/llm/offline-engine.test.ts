import { describe, expect, it } from "vitest";
import { runStep } from "../../../server/llm/run-step";
import {
  assessQuality,
  gatherRequirements,
  generateClarifyingQuestions,
  generateTestCases,
  incorporateFeedback,
  metadataRecord,
  validateStructure,
} from "../../../server/llm/steps";
import { gatherRequirements as gatherStep } from "../../../server/llm/steps/gather-requirements";
import { validateSkillContent } from "../../../server/skills/validator";
import { offlineChain, offlineDraft } from "../../../scripts/calibrate/offline-drafts";
import { OFFLINE_TASKS } from "../../fixtures/llm/tasks";

/** The whole offline understanding → generation chain for one task, through runStep, with the structure check. */
async function offlineSkill(task: string) {
  const { requirements, plan, content } = await offlineChain(task);
  const structure = (
    await runStep(validateStructure, {
      skillName: requirements.suggestedSkillName,
      description: requirements.description,
    })
  ).output;
  return { requirements, structure, plan, content };
}

describe("offline engine", () => {
  it.each(OFFLINE_TASKS)("turns the $id task into a scaffold that passes the spec tier only", async ({ task }) => {
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
    expect(metadataRecord(plan.metadata)["generated-by"]).toBe("offline");
    expect(content.skillContent).toContain("generated-by: offline");
    // A scaffold: marked places to fill, which the validator recognises, so it never passes as finished work.
    expect(content.skillContent).toContain("[FILL IN:");
    expect(report.quality.scaffold).toBe(true);
    expect(report.passed).toBe(false);
  });

  it("shapes the scaffold by the kind of task and keeps the user's own words", async () => {
    const task =
      "Use the Linear MCP server to triage new issues every morning: label them, set priority and assign an owner.";
    const { requirements, plan, content } = await offlineSkill(task);
    expect(requirements.skillCategory).toBe("mcp_enhancement");
    expect(content.skillContent).toContain("## Tool calls");
    expect(content.skillContent).toContain(`> ${task}`);
    expect(content.skillContent.toLowerCase()).toContain("linear");
    expect(plan.triggerPhrases.length).toBeGreaterThanOrEqual(3);
  });

  it("keeps code from the task as an example, inside a fence that cannot be broken", async () => {
    const { content } = await offlineSkill(OFFLINE_TASKS.find((t) => t.id === "code-python")?.task ?? "");
    expect(content.skillContent).toContain("requests.get(url, timeout=5)");
    expect(content.skillContent).toMatch(/```python\nimport time, requests/);
  });

  it("never claims a quality it cannot have: the judge does not run offline, and test cases are still written", async () => {
    const { plan, content } = await offlineSkill(
      "Help engineers debug Kubernetes pods stuck in CrashLoopBackOff: read logs, describe the pod, check probes.",
    );
    const judged = (
      await runStep(assessQuality, { skillContent: content.skillContent, plan, successCriteria: plan.successCriteria })
    ).output;
    expect(judged.measured).toBe(false);
    expect(judged.summary).toMatch(/did not run/);
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

  it.each([
    "A skill for tuning slow PostgreSQL queries with EXPLAIN ANALYZE and indexes.",
    "writing Helm charts",
    "Teach junior developers how to write good commit messages",
  ])("a clear task (%s) does not trigger clarification", async (taskDescription) => {
    const requirements = (await runStep(gatherRequirements, { taskDescription })).output;
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

describe("offline scaffolds", () => {
  const LIBRARY = ["testing/flaky-test-triage", "python/pytest-fixtures", "practices/writing-commit-messages"];

  it.each([
    ["Create a skill for debugging flaky Playwright tests", "debugging-flaky-playwright-tests"],
    ["Teach beginners how to find the commit that introduced a bug with git bisect.", "finding-commit"],
    ["Create Grafana dashboards for Grafana alerting on Kubernetes clusters", "creating-grafana-dashboards"],
    ["Rédiger le compte rendu de la réunion suivant le modèle de l'équipe", "rediger-compte-rendu"],
    ["Help engineers debug Kubernetes pods stuck in CrashLoopBackOff", "debugging-kubernetes-pods"],
    ["writing Helm charts", "writing-helm-charts"],
  ])("names %j readably: %s", async (task, name) => {
    expect((await runStep(gatherRequirements, { taskDescription: task })).output.suggestedSkillName).toBe(name);
  });

  it("picks up the related library skill for a flaky-test task and links it", async () => {
    const draft = await offlineDraft("Create a skill for debugging flaky Playwright tests", { library: LIBRARY });
    expect(draft.skillMd).toContain("## Related skills in the library");
    expect(draft.skillMd).toContain("`testing/flaky-test-triage`");
    expect(draft.skillMd).not.toContain("`practices/writing-commit-messages`");
  });

  it.each([
    [
      "Créer une compétence pour rédiger des comptes rendus de réunion clairs avec décisions et actions.",
      "## La demande",
      "Ébauche (hors ligne)",
    ],
    [
      "Erstelle eine Anleitung für Docker-Container mit Multi-Stage-Builds und kleinen Images.",
      "## Die Anfrage",
      "Gerüst (offline)",
    ],
  ])("writes a %j task in its language", async (task, heading, label) => {
    const draft = await offlineDraft(task);
    expect(draft.skillMd).toContain(heading);
    expect(draft.skillMd).toContain(label);
    expect(draft.skillMd).toContain("[FILL IN:");
  });

  it("applies confirm feedback as instructions: a new place, a new section, notes in the user's words", async () => {
    const feedback = "Put it under databases/. Add a section on rollback drills. Mention that we run PostgreSQL 16.";
    const draft = await offlineDraft("Write a skill that reviews PostgreSQL migrations for locking problems", {
      feedback,
    });
    expect(draft.taxonomyPath).toBe(`databases/${draft.name}`);
    expect(draft.skillMd).toMatch(/^## Rollback drills$/m);
    expect(draft.skillMd).toContain("[FILL IN: what the agent should do about rollback drills");
    expect(draft.skillMd).toContain("- Mention that we run PostgreSQL 16.");
    expect(draft.skillMd).not.toMatch(/^## (?:Put|Mention)/m);
  });

  it("lets clarifying answers shape the content instead of becoming section titles", async () => {
    const clarifications = [
      { question: "What should the skill help with first?", answer: "Review or analyse existing work" },
      { question: "Who will use it?", answer: "Beginners" },
      { question: "Which tools?", answer: "Terraform plans for AWS" },
    ];
    const draft = await offlineDraft("help me with infrastructure stuff", { clarifications });
    expect(draft.skillMd).toContain("## Review checklist");
    expect(draft.skillMd).toContain("Written for beginners");
    expect(draft.skillMd).toContain("Terraform plans for AWS");
    expect(draft.skillMd).not.toMatch(/^#{2,3} .*(?:Review or analyse|Beginners|Terraform plans for AWS)/m);
  });

  it("applies preview feedback as edits: a requested section gets a marked place, other notes stay words", async () => {
    const draft = await offlineDraft("Create a skill for debugging flaky Playwright tests");
    const revised = (
      await runStep(incorporateFeedback, {
        currentContent: draft.skillMd,
        feedback: "- Add a section on reading Playwright trace files\n- We mostly see this in CI on Fridays",
      })
    ).output.revisedContent;
    expect(revised).toMatch(/^## Reading Playwright Trace Files$/m);
    expect(revised).toContain("- We mostly see this in CI on Fridays");
    expect(revised).not.toMatch(/^## (?:We mostly|Reviewer Guidance)/m);
  });
});
