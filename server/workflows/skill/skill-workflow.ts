import { env } from "../../common/env";
import type { WorkflowOutcome } from "../../durable/workflow";
import { skillJobOptionsSchema } from "../../../contracts/skill-job";
import { toJsonObject } from "../../../contracts/json";
import type { JobRecord } from "../../durable/types";
import type { Understanding } from "../../llm/steps/index";
import { writeDraft } from "../../skills/drafts";
import { libraryFor } from "../../skills/library";
import type { WorkflowContext } from "../../durable/engine";
import { skillCreatorEvals, triggerEvals } from "./evals";
import { GenerationPhase } from "./generation/generation-phase";
import { UnderstandingPhase, type UnderstandingResult } from "./understanding/understanding-phase";
import { ValidationPhase, type ValidationResult } from "./validation/validation-phase";

/**
 * docs/workflow.md, Generation: generation refines towards 0.80 (validation has its own threshold,
 * SKILL_FLEET_QUALITY_THRESHOLD).
 */
const GENERATION_TARGET = 0.8;

/** The library as the taxonomy step sees it: nested categories (JSON text) and the existing skill paths. */
async function libraryContext(): Promise<{ structure: string; existing: string[] }> {
  const entries = await libraryFor().list();
  const tree: Record<string, unknown> = {};
  for (const entry of entries) {
    let node = tree;
    for (const part of entry.path.split("/")) node = (node[part] ??= {}) as Record<string, unknown>;
  }
  return { structure: JSON.stringify(tree), existing: entries.map((e) => e.path) };
}

function understandingFor(task: string, u: UnderstandingResult): Understanding {
  const { domain, targetLevel, topics, constraints } = u.requirements;
  return {
    taskDescription: task,
    domain,
    targetLevel,
    topics,
    constraints,
    intent: u.intent,
    dependencies: u.dependencies,
  };
}

/** The draft: SKILL.md, evals in skill-creator's format, and metadata.json with the plan's facts. */
async function saveDraft(
  ctx: WorkflowContext,
  u: UnderstandingResult,
  v: ValidationResult,
  engine: string,
): Promise<{ draftPath: string }> {
  const { plan } = u;
  return writeDraft({
    jobId: ctx.job.id,
    skillPath: plan.taxonomyPath,
    skillMd: v.content,
    files: {
      "evals/evals.json": skillCreatorEvals(plan.name, v.testCases),
      "evals/trigger-evals.json": triggerEvals(v.testCases),
    },
    metadata: {
      name: plan.name,
      description: plan.description,
      taxonomyPath: plan.taxonomyPath,
      category: plan.skillCategory,
      tags: plan.tags,
      triggerPhrases: plan.triggerPhrases,
      negativeTriggers: plan.negativeTriggers,
      generatedBy: engine,
      jobId: ctx.job.id,
      validation: { passed: v.assessment.passed, score: v.assessment.score },
    },
  });
}

function outcome(job: JobRecord, u: UnderstandingResult, v: ValidationResult, draftPath: string): WorkflowOutcome {
  const { plan } = u;
  const result = {
    name: plan.name,
    description: plan.description,
    path: plan.taxonomyPath,
    score: v.assessment.score,
    passed: v.assessment.passed,
    content: v.content,
    validation: { ...v.assessment, triggerCoverage: v.triggerCoverage, refinements: v.refinements },
    testCases: v.testCases,
    plan,
    engine: job.engine,
    draftPath,
  };
  return { status: v.assessment.passed ? "completed" : "pending_review", result: toJsonObject(result) };
}

/**
 * The skill workflow (docs/workflow.md): Understanding → Generation → Validation, then the draft is written and the job
 * ends `completed` (validation passed) or `pending_review` (it can still be promoted with force).
 */
export async function skillWorkflow(ctx: WorkflowContext): Promise<WorkflowOutcome> {
  const options = skillJobOptionsSchema.parse(ctx.job.options);
  const engine = ctx.job.engine;
  const settings = env();
  const understanding = await new UnderstandingPhase(ctx, {
    confirmPlan: options.confirmPlan,
    maxClarifyRounds: settings.SKILL_FLEET_MAX_CLARIFY_ROUNDS,
    library: libraryContext,
  }).run();
  const generation = await new GenerationPhase(ctx, understanding.plan, understandingFor(ctx.job.task, understanding), {
    previewContent: options.previewContent,
    targetScore: GENERATION_TARGET,
    engine,
  }).run();
  const validation = await new ValidationPhase(ctx, understanding.plan, {
    reviewValidation: options.reviewValidation,
    threshold: settings.SKILL_FLEET_QUALITY_THRESHOLD,
    engine,
  }).run(generation.content);
  const { draftPath } = (await ctx.run("validation#draft/write", async () =>
    saveDraft(ctx, understanding, validation, engine),
  )) as { draftPath: string };
  return outcome(ctx.job, understanding, validation, draftPath);
}
