import { STEPS, type Plan } from "../../../llm/steps/index";
import type { ValidationReport } from "../../../skills/validator/index";
import { BaseWorkflow, type CheckpointAnswer } from "../base-workflow";
import type { WorkflowContext } from "../../../durable/engine";
import { validateDraft } from "../draft-files";
import { alignFrontmatter } from "../skill-content";
import {
  combineAssessment,
  judgeView,
  reviewPrompt,
  triggerCoverage,
  type SkillAssessment,
  type TestCases,
} from "./validation-report";

export interface ValidationResult {
  content: string;
  /** SKILL.md as the draft folder holds it (frontmatter normalised by the writer). */
  skillMd: string;
  assessment: SkillAssessment;
  testCases: TestCases;
  triggerCoverage: number;
  refinements: { attempt: number; before: number; after: number; improvements: string[]; kept: boolean }[];
}

export interface ValidationSettings {
  reviewValidation: boolean;
  threshold: number;
  engine: string;
}

const MAX_REVIEW_ROUNDS = 5;
const MAX_REFINEMENTS = 2;

/**
 * Phase 3: test cases, then the assessment of the draft exactly as it will be written (rule validator and the
 * deterministic quality model, plus the model judge when a model is configured); then the optional review
 * checkpoint (refine re-runs the phase on the revised content) or, below the threshold, an automatic refinement
 * whose score is recomputed and kept only if it is better.
 */
export class ValidationPhase extends BaseWorkflow {
  constructor(
    ctx: WorkflowContext,
    private readonly plan: Plan,
    private readonly settings: ValidationSettings,
  ) {
    super(ctx, "Validation", [70, 97]);
  }

  async run(content: string): Promise<ValidationResult> {
    for (let round = 1; ; round++) {
      this.enter(round);
      // The test cases and the judge read the plan and the content, not each other: they run at once.
      const testCases = this._stepGenerateTestCases();
      const { assessment, skillMd, testCases: cases } = await this._stepAssess(content, testCases, "");
      const base = {
        content,
        skillMd,
        assessment,
        testCases: cases,
        triggerCoverage: triggerCoverage(this.plan, cases),
        refinements: [],
      };
      if (!this.settings.reviewValidation || round > MAX_REVIEW_ROUNDS) return this._stepRefineIfBelowThreshold(base);
      const answer = await this._stepReviewValidation(base);
      if (answer.action === "proceed") return base;
      content = await this._stepApplyFeedback(content, answer.feedback);
    }
  }

  private _stepGenerateTestCases(): Promise<TestCases> {
    const { name, description, triggerPhrases, negativeTriggers, skillCategory } = this.plan;
    return this.model("test-cases", STEPS.generateTestCases, {
      skillName: name,
      skillDescription: description,
      triggerPhrases,
      negativeTriggers,
      skillCategory,
    });
  }

  /**
   * One full assessment of a version of the content; `tag` keeps re-assessments apart in the step store. The judge
   * does not wait for the test cases (docs/performance.md); the rules, which write them into the draft, do.
   */
  private async _stepAssess(
    content: string,
    testCases: TestCases | Promise<TestCases>,
    tag: string,
  ): Promise<{ assessment: SkillAssessment; skillMd: string; testCases: TestCases }> {
    this.progress(tag ? 0.8 : 0.3, tag ? "Re-scoring the refined skill" : "Checking the skill and its content");
    const { threshold, engine } = this.settings;
    const [cases, judged] = await Promise.all([
      testCases,
      this.model(`${tag}quality`, STEPS.assessQuality, {
        skillContent: content,
        plan: this.plan,
        successCriteria: this.plan.successCriteria,
      }),
    ]);
    const facts = { jobId: this.ctx.job.id, plan: this.plan, content, testCases: cases, engine };
    const draft = await this.compute(`${tag}rules`, () => validateDraft(facts, threshold));
    const report = draft.report as ValidationReport;
    const assessment = combineAssessment(report, judgeView(judged, content, engine), threshold);
    await this.ctx.emit({
      type: "reasoning",
      message: `Content quality: ${assessment.score.toFixed(2)} (${assessment.passed ? "passes" : "below the bar"})`,
      data: { score: assessment.score, passed: assessment.passed },
    });
    return { assessment, skillMd: draft.skillMd, testCases: cases };
  }

  private async _stepReviewValidation(result: ValidationResult): Promise<CheckpointAnswer<"validate">> {
    this.progress(0.9, "Waiting for your review");
    return this.ask("review", "validate", reviewPrompt(result.assessment, result.content, result.testCases));
  }

  private async _stepApplyFeedback(content: string, feedback: string): Promise<string> {
    const revised = await this.model("feedback", STEPS.incorporateFeedback, { currentContent: content, feedback });
    return alignFrontmatter(
      revised.revisedContent.trim() ? revised.revisedContent : content,
      this.plan,
      this.settings.engine,
    );
  }

  /** Below the threshold with known weaknesses: refine, re-assess, keep the better version (at most twice). */
  private async _stepRefineIfBelowThreshold(result: ValidationResult): Promise<ValidationResult> {
    let current = result;
    for (let attempt = 1; attempt <= MAX_REFINEMENTS; attempt++) {
      const { assessment, content } = current;
      if (assessment.score >= this.settings.threshold || assessment.weaknesses.length === 0) break;
      const refined = await this.model(`refine@${attempt}`, STEPS.refineSkill, {
        currentContent: content,
        weaknesses: assessment.weaknesses,
        targetScore: this.settings.threshold,
        plan: this.plan,
      });
      const candidate = alignFrontmatter(refined.refinedContent, this.plan, this.settings.engine);
      const rescored = await this._stepAssess(candidate, current.testCases, `rescore@${attempt}/`);
      const next = rescored.assessment;
      const kept = next.score > assessment.score;
      const record = {
        attempt,
        before: assessment.score,
        after: next.score,
        improvements: refined.improvementsMade,
        kept,
      };
      current = kept
        ? {
            ...current,
            content: candidate,
            skillMd: rescored.skillMd,
            assessment: next,
            refinements: [...current.refinements, record],
          }
        : { ...current, refinements: [...current.refinements, record] };
      if (!kept) break;
    }
    return current;
  }
}
