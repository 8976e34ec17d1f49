import { refinementFeedback, STEPS, type Plan, type Understanding } from "../../../llm/steps/index";
import { validateSkillContent, type ValidationReport } from "../../../skills/validator/index";
import { BaseWorkflow } from "../base-workflow";
import type { PreviewPrompt } from "../../../../contracts/checkpoints";
import type { WorkflowContext } from "../../../durable/engine";
import { alignFrontmatter, contentFacts } from "../skill-content";

export interface GenerationResult {
  content: string;
  reward: number;
  refinements: { iteration: number; previous: number; next: number; feedback: string[] }[];
}

export interface GenerationSettings {
  previewContent: boolean;
  /** Generation refines until the content score reaches this. */
  targetScore: number;
  engine: string;
}

/** The content-quality model's report on a draft SKILL.md (the same model validation uses). */
function reportOn(content: string, plan: Plan): ValidationReport {
  return validateSkillContent(content, { folderName: plan.name });
}

const MAX_REFINEMENTS = 3;
const MAX_PREVIEW_ROUNDS = 5;

/**
 * Phase 2: write the SKILL.md from the plan, refine it while its content score (the quality model) improves up
 * to the target, then (optionally) show it for preview, applying the reviewer's feedback until they proceed.
 */
export class GenerationPhase extends BaseWorkflow {
  constructor(
    ctx: WorkflowContext,
    private readonly plan: Plan,
    private readonly understanding: Understanding,
    private readonly settings: GenerationSettings,
  ) {
    super(ctx, "Generation", [35, 70]);
  }

  async run(): Promise<GenerationResult> {
    this.enter();
    const written = await this._stepGenerateContent();
    const refined = await this._stepRefineContent(written);
    const content = await this._stepPreviewContent(refined.content);
    return { ...refined, content, reward: reportOn(content, this.plan).scores.overall };
  }

  private async _stepGenerateContent(): Promise<string> {
    this.progress(0.1, "Writing the SKILL.md");
    const generated = await this.model("content", STEPS.generateContent, {
      plan: this.plan,
      understanding: this.understanding,
      skillStyle: "comprehensive",
    });
    return this.aligned(generated.skillContent);
  }

  /** Refinement rounds while the score is under the target and each round improves it (kept only if better). */
  private async _stepRefineContent(content: string): Promise<Omit<GenerationResult, "reward">> {
    const refinements: GenerationResult["refinements"] = [];
    for (let iteration = 1; iteration <= MAX_REFINEMENTS; iteration++) {
      const report = reportOn(content, this.plan);
      const previous = report.scores.overall;
      if (previous >= this.settings.targetScore) break;
      this.progress(0.3 + 0.1 * iteration, `Refining the content (score ${previous.toFixed(2)})`);
      const feedback = refinementFeedback(report);
      const refined = await this.model(`refine@${iteration}`, STEPS.refineContent, {
        content,
        plan: this.plan,
        feedback,
        targetScore: this.settings.targetScore,
      });
      const candidate = this.aligned(refined.skillContent);
      const next = reportOn(candidate, this.plan).scores.overall;
      refinements.push({ iteration, previous, next, feedback });
      if (next <= previous) break;
      content = candidate;
    }
    return { content, refinements };
  }

  /** With previewContent: proceed keeps the content, refine applies the feedback and shows it again. */
  private async _stepPreviewContent(content: string): Promise<string> {
    if (!this.settings.previewContent) return content;
    for (let round = 1; round <= MAX_PREVIEW_ROUNDS; round++) {
      this.progress(0.9, "Waiting for your preview");
      const answer = await this.ask(`preview@${round}`, "preview", previewPrompt(content));
      if (answer.action === "proceed") return content;
      const revised = await this.model(`feedback@${round}`, STEPS.incorporateFeedback, {
        currentContent: content,
        feedback: answer.feedback,
      });
      content = this.aligned(revised.revisedContent.trim() ? revised.revisedContent : content);
    }
    return content;
  }

  private aligned(content: string): string {
    return alignFrontmatter(content, this.plan, this.settings.engine);
  }
}

/** The preview checkpoint's payload (docs/workflow.md, Checkpoints): the content and what it holds. */
export function previewPrompt(content: string): PreviewPrompt {
  const facts = contentFacts(content);
  const highlights = facts.sections.filter((s) => s.toLowerCase() !== "instructions").slice(0, 5);
  return {
    content,
    highlights: highlights.length ? highlights : ["Review generated content and confirm before saving."],
    sectionsCount: facts.sections.length,
    examplesCount: facts.examples,
    readingTime: facts.readingMinutes,
  };
}
