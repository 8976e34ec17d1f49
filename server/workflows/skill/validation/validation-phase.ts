import { STEPS, type Plan } from "../../../llm/steps/index";
import { validateSkillContent } from "../../../skills/validator/index";
import { BaseWorkflow, type CheckpointAnswer } from "../base-workflow";
import type { WorkflowContext } from "../../../durable/engine";
import { alignFrontmatter } from "../skill-content";
import {
  combineAssessment,
  reviewPrompt,
  triggerCoverage,
  type SkillAssessment,
  type TestCases,
} from "./validation-report";

export interface ValidationResult {
  content: string;
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
 * Phase 3 (docs/workflow.md, Validation): structure, test cases, compliance (model + rule validator), quality; then the
 * optional review checkpoint (refine re-runs the phase on the revised content) or, below the threshold, an automatic
 * refinement whose score is recomputed (docs/workflow.md, What the plan carries) and kept only if it is better.
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
      // Test cases depend on the plan only, the assessment on the content: neither waits for the other.
      const [testCases, assessment] = await Promise.all([this._stepGenerateTestCases(), this._stepAssess(content, "")]);
      const base = {
        content,
        assessment,
        testCases,
        triggerCoverage: triggerCoverage(this.plan, testCases),
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
   * One full assessment of a version of the content; `tag` keeps re-assessments apart in the step store. Its four
   * checks read the same content and nothing of each other, so they run at once (docs/performance.md).
   */
  private async _stepAssess(content: string, tag: string): Promise<SkillAssessment> {
    this.progress(tag ? 0.8 : 0.3, tag ? "Re-scoring the refined skill" : "Checking compliance and quality");
    const { name, description, taxonomyPath, successCriteria } = this.plan;
    const [structure, rules, compliance, quality] = await Promise.all([
      this.model(`${tag}structure`, STEPS.validateStructure, { skillName: name, description, skillContent: content }),
      this.compute(`${tag}rules`, () => validateSkillContent(content, { folderName: name })),
      this.model(`${tag}compliance`, STEPS.checkCompliance, { skillContent: content, taxonomyPath }),
      this.model(`${tag}quality`, STEPS.assessQuality, { skillContent: content, plan: this.plan, successCriteria }),
    ]);
    const assessment = combineAssessment({ structure, rules, compliance, quality }, this.settings.threshold);
    await this.ctx.emit({
      type: "reasoning",
      message: `Quality score: ${assessment.score.toFixed(2)}`,
      data: { score: assessment.score, passed: assessment.passed },
    });
    return assessment;
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
      const next = await this._stepAssess(candidate, `rescore@${attempt}/`);
      const kept = next.score > assessment.score;
      const record = {
        attempt,
        before: assessment.score,
        after: next.score,
        improvements: refined.improvementsMade,
        kept,
      };
      current = kept
        ? { ...current, content: candidate, assessment: next, refinements: [...current.refinements, record] }
        : { ...current, refinements: [...current.refinements, record] };
      if (!kept) break;
    }
    return current;
  }
}
