import { improveJobOptionsSchema, type ImproveJobOptions } from "../../../contracts/improve-job";
import { toJsonObject } from "../../../contracts/json";
import type { WorkflowContext } from "../../durable/engine";
import { fallbackReview, fallbacksOf, type FellBack } from "../kit/provenance";
import type { WorkflowOutcome } from "../../durable/workflow";
import type { SkillDrafts, SkillFileData, SkillLibrary } from "../../skills/library/index";
import { factsOf } from "../../skills/library/files";
import { validateVersionFiles } from "../../skills/library/versions";
import {
  ImproveGeneration,
  ImproveUnderstanding,
  ImproveValidation,
  skillMdOf,
  withSkillMd,
  type OriginalSkill,
  type Revision,
  type SkillAssessmentSummary,
} from "./improve-phases";

/** What the improve workflow reads and writes: the version it starts from, and the job's draft. */
export interface ImproveWorkflowDeps {
  library: SkillLibrary;
  drafts: SkillDrafts;
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

interface Outcome {
  options: ImproveJobOptions;
  original: OriginalSkill;
  revision: Revision;
  files: SkillFileData[];
  after: SkillAssessmentSummary;
  sourceVersionId: string;
  draftVersionId: string;
}

/** The steps whose output is the revision: when one fell back, the skill is unchanged and a person must look. */
const REVISION_STEPS: ReadonlySet<string> = new Set(["improveSkill", "incorporateFeedback"]);

/** The job's result: the fields every skill job shows (name, score, content, findings) plus before and after. */
function outcome(ctx: WorkflowContext, o: Outcome, fellBack: FellBack[]): WorkflowOutcome {
  const { options, revision, after } = o;
  const review = fallbackReview(fellBack, REVISION_STEPS);
  const passed = after.passed && review.reason === null;
  const facts = factsOf(options.skillPath, o.files);
  const result = {
    name: facts.name,
    description: facts.description,
    path: options.skillPath,
    score: after.score,
    passed,
    fellBack: fellBack.map((f) => ({ ...f })),
    reviewReason: review.reason,
    content: revision.content,
    validation: {
      findings: validateVersionFiles(options.skillPath, o.files).findings,
      complianceScore: null,
      strengths: revision.changesMade,
      weaknesses: revision.notApplied.map((request) => `Not applied: ${request}`),
      triggerCoverage: null,
    },
    engine: ctx.job.engine,
    draftVersionId: o.draftVersionId,
    improve: {
      sourceVersionId: o.sourceVersionId,
      baseNumber: options.baseNumber,
      before: o.original.assessment,
      after,
      ...revision,
    },
  };
  return { status: passed ? "completed" : "pending_review", result: toJsonObject(result) };
}

type DraftInput = Pick<Outcome, "options" | "revision" | "files" | "sourceVersionId">;

/** The revision as the job's draft: the next version of the same skill, its parent the original. */
async function writeDraft(deps: ImproveWorkflowDeps, ctx: WorkflowContext, o: DraftInput): Promise<string> {
  const stored = await ctx.run("validation#1/draft", async () => {
    const draft = await deps.drafts.write({
      jobId: ctx.job.id,
      skillPath: o.options.skillPath,
      files: o.files,
      authorId: ctx.job.ownerId,
      origin: "improve",
      message: `Improved: ${clip(ctx.job.task, 200)}`,
      baseNumber: o.options.baseNumber,
      parentId: o.sourceVersionId,
    });
    return { draftVersionId: draft.version.id };
  });
  return (stored as { draftVersionId: string }).draftVersionId;
}

/**
 * The improve workflow (docs/library.md, Improve): Understanding → Generation (with the diff at the preview) →
 * Validation (scores before and after), then the revision is written as the job's draft: a new version of the same
 * skill (same path, parent = the original), promoted like any draft, onto the version it started from.
 */
export const improveWorkflow = (deps: ImproveWorkflowDeps) =>
  async function runImproveWorkflow(ctx: WorkflowContext): Promise<WorkflowOutcome> {
    const options = improveJobOptionsSchema.parse(ctx.job.options);
    // Versions are immutable, so reading the original again on a replay gives the same files.
    const source = await deps.library.version(options.sourceVersionId);
    const original = await new ImproveUnderstanding(ctx).run(options.skillPath, source.files);
    const revision = await new ImproveGeneration(ctx, options).run(skillMdOf(source.files), original);
    const files = withSkillMd(source.files, revision.content);
    const after = await new ImproveValidation(ctx).run(options.skillPath, files, original.assessment);
    const sourceVersionId = source.version.id;
    const draftVersionId = await writeDraft(deps, ctx, { options, revision, files, sourceVersionId });
    const done = { options, original, revision, files, after, sourceVersionId, draftVersionId };
    return outcome(ctx, done, await fallbacksOf(ctx));
  };
