import { createTwoFilesPatch } from "diff";
import type { WorkflowContext } from "../../durable/engine";
import { STEPS } from "../../llm/steps/index";
import { validateVersionFiles } from "../../skills/library/versions";
import { fileData, textBytes, textOf } from "../../skills/library/files";
import type { SkillFileData } from "../../skills/library/types";
import { BaseWorkflow } from "../skill/base-workflow";
import { previewPrompt } from "../skill/generation/generation-phase";

/**
 * The improve workflow's phases (docs/library.md, Improve), on the skill workflow's BaseWorkflow: durable keyed
 * steps, progress, reasoning and checkpoints. Understanding reads the original; Generation revises it (improveSkill)
 * and shows the diff at the preview; Validation scores the revision against the original.
 */
export interface SkillAssessmentSummary {
  passed: boolean;
  score: number;
  findingCount: number;
  findings: string[];
}

export interface OriginalSkill {
  skillPath: string;
  covers: string[];
  assessment: SkillAssessmentSummary;
}

export interface Revision {
  content: string;
  changesMade: string[];
  notApplied: string[];
}

const MAX_FINDINGS = 20;
const MAX_PREVIEW_ROUNDS = 5;

export const skillMdOf = (files: SkillFileData[]): string => {
  const file = files.find((candidate) => candidate.path === "SKILL.md");
  return (file && textOf(file)) ?? "";
};

/** The files with SKILL.md replaced by `content` (the other files are kept byte for byte). */
export const withSkillMd = (files: SkillFileData[], content: string): SkillFileData[] => [
  ...files.filter((file) => file.path !== "SKILL.md"),
  fileData("SKILL.md", textBytes(content)),
];

export function assess(skillPath: string, files: SkillFileData[]): SkillAssessmentSummary {
  const report = validateVersionFiles(skillPath, files);
  return {
    passed: report.passed,
    score: report.scores.overall,
    findingCount: report.findings.length,
    findings: report.findings.slice(0, MAX_FINDINGS).map((f) => `${f.ruleId}: ${f.message}`),
  };
}

export class ImproveUnderstanding extends BaseWorkflow {
  constructor(ctx: WorkflowContext) {
    super(ctx, "Understanding", [0, 30]);
  }

  async run(skillPath: string, files: SkillFileData[]): Promise<OriginalSkill> {
    this.enter();
    this.progress(0.3, "Reading the skill: what it covers, its findings and scores");
    const original = await this.compute("read", () => ({
      skillPath,
      covers: skillMdOf(files)
        .split("\n")
        .filter((line) => /^##\s/.test(line))
        .map((line) => line.replace(/^##\s+/, "")),
      assessment: assess(skillPath, files),
    }));
    const { assessment } = original;
    await this.ctx.emit({
      type: "reasoning",
      message: `Covers ${original.covers.length} sections; ${assessment.findingCount} findings; quality score ${assessment.score.toFixed(2)}`,
      data: { step: "read" },
    });
    return original;
  }
}

export class ImproveGeneration extends BaseWorkflow {
  constructor(
    ctx: WorkflowContext,
    private readonly settings: { previewContent: boolean },
  ) {
    super(ctx, "Generation", [30, 75]);
  }

  async run(originalMd: string, original: OriginalSkill): Promise<Revision> {
    this.enter();
    this.progress(0.2, "Revising the skill by your instructions");
    const revised = await this.model("revise", STEPS.improveSkill, {
      skillContent: originalMd,
      instructions: this.task,
      findings: original.assessment.findings,
      covers: original.covers,
    });
    const content = await this.preview(originalMd, revised.revisedContent);
    return { content, changesMade: revised.changesMade, notApplied: revised.notApplied };
  }

  /** The preview shows the diff against the original; refine applies feedback and shows it again. */
  private async preview(originalMd: string, content: string): Promise<string> {
    if (!this.settings.previewContent) return content;
    for (let round = 1; round <= MAX_PREVIEW_ROUNDS; round++) {
      this.progress(0.9, "Waiting for your preview");
      const diff = createTwoFilesPatch("a/SKILL.md", "b/SKILL.md", originalMd, content, "original", "revised");
      const answer = await this.ask(`preview@${round}`, "preview", { ...previewPrompt(content), diff });
      if (answer.action === "proceed") return content;
      const revised = await this.model(`feedback@${round}`, STEPS.incorporateFeedback, {
        currentContent: content,
        feedback: answer.feedback,
      });
      content = revised.revisedContent.trim() ? revised.revisedContent : content;
    }
    return content;
  }
}

export class ImproveValidation extends BaseWorkflow {
  constructor(ctx: WorkflowContext) {
    super(ctx, "Validation", [75, 97]);
  }

  async run(
    skillPath: string,
    files: SkillFileData[],
    before: SkillAssessmentSummary,
  ): Promise<SkillAssessmentSummary> {
    this.enter();
    this.progress(0.5, "Comparing the scores before and after");
    const after = await this.compute("compare", () => assess(skillPath, files));
    await this.ctx.emit({
      type: "reasoning",
      message: `Quality score ${before.score.toFixed(2)} → ${after.score.toFixed(2)}; findings ${before.findingCount} → ${after.findingCount}`,
      data: { before: before.score, after: after.score, score: after.score, passed: after.passed },
    });
    return after;
  }
}
