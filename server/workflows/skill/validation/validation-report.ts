import type { z } from "zod";
import type { Plan } from "../../../llm/steps/index";
import type { qualityAssessmentSchema } from "../../../llm/steps/assess-quality";
import type { complianceSchema } from "../../../llm/steps/check-compliance";
import type { testCasesSchema } from "../../../llm/steps/generate-test-cases";
import type { StructureReport } from "../../../llm/steps/validate-structure";
import type { Finding, ValidationReport } from "../../../skills/validator/index";
import type { ReviewPrompt } from "../../../../contracts/checkpoints";

export type Compliance = z.infer<typeof complianceSchema>;
export type QualityAssessment = z.infer<typeof qualityAssessmentSchema>;
export type TestCases = z.infer<typeof testCasesSchema>;

/** Everything Phase 3 learned about one version of the content (the job's result carries it). */
export interface SkillAssessment {
  passed: boolean;
  /** The quality assessment's overall score: what the threshold is compared with. */
  score: number;
  complianceScore: number;
  rulesPassed: boolean;
  findings: Finding[];
  structureValid: boolean;
  structureIssues: string[];
  complianceIssues: string[];
  strengths: string[];
  weaknesses: string[];
  wordCount: number;
  sizeAssessment: string;
  verbosity: number;
}

export interface AssessmentParts {
  structure: StructureReport;
  rules: ValidationReport;
  compliance: Compliance;
  quality: QualityAssessment;
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * Combines the rule validator, the model's compliance check and its quality assessment (docs/quality.md): the skill
 * passes when the rules find no error, compliance passes, the structure is valid, and quality reaches the
 * threshold.
 */
export function combineAssessment(
  { structure, rules, compliance, quality }: AssessmentParts,
  threshold: number,
): SkillAssessment {
  const structureIssues = [...structure.nameErrors, ...structure.descriptionErrors, ...structure.securityIssues];
  return {
    passed: rules.passed && compliance.passed && structure.overallValid && quality.overallScore >= threshold,
    score: round3(quality.overallScore),
    complianceScore: round3(compliance.complianceScore),
    rulesPassed: rules.passed,
    findings: rules.findings,
    structureValid: structure.overallValid,
    structureIssues,
    complianceIssues: [...compliance.criticalIssues, ...compliance.issues],
    strengths: quality.strengths,
    weaknesses: quality.weaknesses,
    wordCount: rules.scores.wordCount,
    sizeAssessment: rules.scores.sizeAssessment,
    verbosity: rules.scores.verbosity,
  };
}

/** Share of trigger phrases that appear in at least one positive test query (docs/workflow.md, Validation). */
export function triggerCoverage(plan: Plan, tests: TestCases): number {
  if (plan.triggerPhrases.length === 0) return 0;
  const positives = tests.positiveTests.map((t) => t.toLowerCase());
  const covered = plan.triggerPhrases.filter((p) => positives.some((t) => t.includes(p.toLowerCase())));
  return round3(covered.length / plan.triggerPhrases.length);
}

function reportText(a: SkillAssessment): string {
  const errors = a.findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId}: ${f.message}`);
  return [
    `Compliance score: ${a.complianceScore.toFixed(2)}`,
    `Quality score: ${a.score.toFixed(2)}`,
    ...(a.strengths.length ? ["", "Strengths:", ...a.strengths.slice(0, 3).map((s) => `- ${s}`)] : []),
    ...(a.weaknesses.length ? ["", "Weaknesses:", ...a.weaknesses.slice(0, 3).map((s) => `- ${s}`)] : []),
    ...(errors.length || a.complianceIssues.length
      ? ["", "Issues:", ...[...errors, ...a.complianceIssues].slice(0, 10).map((s) => `- ${s}`)]
      : []),
  ].join("\n");
}

/** The review checkpoint's payload (docs/workflow.md, Checkpoints). */
export function reviewPrompt(assessment: SkillAssessment, content: string, tests: TestCases): ReviewPrompt {
  return {
    report: reportText(assessment),
    passed: assessment.passed,
    validationScore: round3(Math.min(assessment.complianceScore, assessment.score)),
    content,
    strengths: assessment.strengths.slice(0, 3),
    weaknesses: assessment.weaknesses,
    issues: [...assessment.structureIssues, ...assessment.complianceIssues],
    testCaseCount: tests.positiveTests.length + tests.negativeTests.length + tests.edgeCases.length,
    testCasesPreview: tests.positiveTests.slice(0, 3),
  };
}
