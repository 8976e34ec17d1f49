import { env } from "../../common/env";
import type { WorkflowOutcome } from "../../durable/workflow";
import { skillJobOptionsSchema } from "../../../contracts/skill-job";
import { toJsonObject } from "../../../contracts/json";
import type { JobRecord } from "../../durable/types";
import type { Understanding } from "../../llm/steps/index";
import { fileData, textBytes } from "../../skills/library/files";
import type { SkillDrafts, SkillLibrary } from "../../skills/library/index";
import { buildSkillFiles } from "../../skills/skill-writer";
import type { WorkflowContext } from "../../durable/engine";
import { fallbackReview, fallbacksOf, type FellBack } from "../kit/provenance";
import { draftWriteInput } from "./draft-files";
import { GenerationPhase } from "./generation/generation-phase";
import { UnderstandingPhase, type UnderstandingResult } from "./understanding/understanding-phase";
import { ValidationPhase, type ValidationResult } from "./validation/validation-phase";

/** Generation refines until the content score clears the pass mark with this margin. */
const GENERATION_MARGIN = 0.05;

/** What the skill workflow reads and writes: the library (for the taxonomy) and the drafts. */
export interface SkillWorkflowDeps {
  library: SkillLibrary;
  drafts: SkillDrafts;
}

/** The library as the taxonomy step sees it: nested categories (JSON text) and the existing skill paths. */
async function libraryContext(library: SkillLibrary): Promise<{ structure: string; existing: string[] }> {
  const entries = await library.list();
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
    clarifications: u.clarifications,
  };
}

/** The draft: SKILL.md, evals in skill-creator's format, and metadata.json with the plan's facts. */
/** The draft, as a version in the library's database: the files built from the same facts the validation judged. */
async function saveDraft(
  deps: SkillWorkflowDeps,
  ctx: WorkflowContext,
  phases: { u: UnderstandingResult; v: ValidationResult },
  engine: string,
  passed: boolean,
): Promise<{ draftVersionId: string }> {
  const { u, v } = phases;
  const validation = { passed, score: v.assessment.score };
  const input = draftWriteInput({
    jobId: ctx.job.id,
    plan: u.plan,
    content: v.content,
    testCases: v.testCases,
    engine,
    validation,
  });
  const draft = await deps.drafts.write({
    jobId: ctx.job.id,
    skillPath: input.skillPath,
    files: [...buildSkillFiles(input)].map(([path, content]) => fileData(path, textBytes(content))),
    authorId: ctx.job.ownerId,
    origin: "job",
    message: `Written by job ${ctx.job.id}`,
  });
  return { draftVersionId: draft.version.id };
}

/** The steps whose output is the skill: when one fell back, a person must review the result. */
const SKILL_STEPS: ReadonlySet<string> = new Set([
  "synthesizePlan",
  "generateContent",
  "refineContent",
  "incorporateFeedback",
  "refineSkill",
]);

/** What the person should do next with the result, in words (the result page and the CLI show it). */
export function nextSteps(engine: string, passed: boolean, scaffold: boolean, fellBack = false): string[] {
  if (fellBack)
    return [
      "Part of this skill was written by the offline engine because the model failed (see the steps that fell back): read those parts, or run the job again once the model answers, before you promote it.",
    ];
  if (scaffold || engine === "offline")
    return [
      "This is a scaffold written without a model: fill in every place marked [FILL IN …] with real commands, files and examples, then validate it again (skill-fleet validate <folder>).",
      "Or connect a model and create the skill again: set SKILL_FLEET_MODEL=provider:model (for example anthropic:claude-sonnet-4-5 or openai:gpt-4.1) with the provider's API key, and restart the server.",
    ];
  if (!passed)
    return [
      "Read the reasons below the bar, edit the draft (or refine it at the review checkpoint), and validate it again; promote it with --force only if you accept it as it is.",
    ];
  return ["Promote the draft to the library, or download it as a zip."];
}

function outcome(
  job: JobRecord,
  phases: { u: UnderstandingResult; v: ValidationResult },
  draftVersionId: string,
  fellBack: FellBack[],
): WorkflowOutcome {
  const { u, v } = phases;
  const { plan } = u;
  const { assessment } = v;
  const scaffold = assessment.quality.scaffold;
  // A plan or content the offline engine wrote for a failed model is never presented as passed model work.
  const review = fallbackReview(fellBack, SKILL_STEPS);
  const passed = assessment.passed && review.reason === null;
  const result = {
    name: plan.name,
    description: plan.description,
    path: plan.taxonomyPath,
    score: assessment.score,
    passed,
    fellBack: fellBack.map((f) => ({ ...f })),
    reviewReason: review.reason,
    content: v.skillMd,
    validation: { ...assessment, triggerCoverage: v.triggerCoverage, refinements: v.refinements },
    testCases: v.testCases,
    plan,
    engine: job.engine,
    draftVersionId,
    scaffold,
    nextSteps: nextSteps(job.engine, passed, scaffold, review.reason !== null),
  };
  return { status: passed ? "completed" : "pending_review", result: toJsonObject(result) };
}

/**
 * The skill workflow (docs/workflow.md): Understanding → Generation → Validation, then the draft is written and the
 * job ends `completed` (validation passed) or `pending_review` (it can still be promoted with force).
 */
export const skillWorkflow = (deps: SkillWorkflowDeps) =>
  async function runSkillWorkflow(ctx: WorkflowContext): Promise<WorkflowOutcome> {
    const options = skillJobOptionsSchema.parse(ctx.job.options);
    const engine = ctx.job.engine;
    const settings = env();
    const understanding = await new UnderstandingPhase(ctx, {
      confirmPlan: options.confirmPlan,
      maxClarifyRounds: settings.SKILL_FLEET_MAX_CLARIFY_ROUNDS,
      library: () => libraryContext(deps.library),
    }).run();
    const generation = await new GenerationPhase(
      ctx,
      understanding.plan,
      understandingFor(ctx.job.task, understanding),
      {
        previewContent: options.previewContent,
        targetScore: Math.min(1, settings.SKILL_FLEET_QUALITY_THRESHOLD + GENERATION_MARGIN),
        engine,
      },
    ).run();
    const validation = await new ValidationPhase(ctx, understanding.plan, {
      reviewValidation: options.reviewValidation,
      threshold: settings.SKILL_FLEET_QUALITY_THRESHOLD,
      engine,
    }).run(generation.content);
    const phases = { u: understanding, v: validation };
    const fellBack = await fallbacksOf(ctx);
    const { draftVersionId } = (await ctx.run("validation#draft/write", async () =>
      saveDraft(
        deps,
        ctx,
        phases,
        engine,
        validation.assessment.passed && fallbackReview(fellBack, SKILL_STEPS).reason === null,
      ),
    )) as { draftVersionId: string };
    return outcome(ctx.job, phases, draftVersionId, fellBack);
  };
