import { riskReaches } from "../../../contracts/security-report";
import type { ContentScores, QualityDetails } from "../../../contracts/validation";
import type { QualityAssessment } from "../quality/types";
import { scanSkill } from "../security/scan";
import { displayPath } from "./context";
import { portabilityRules } from "./rules/portability";
import { qualityContentRules } from "./rules/quality-content";
import { qualityFolderRules } from "./rules/quality-folder";
import { assessmentOf, DIMENSION_BAR, qualityMeasuredRules } from "./rules/quality-measured";
import { qualityMetadataRules } from "./rules/quality-metadata";
import { specRules } from "./rules/spec";
import type { Finding, Rule, SkillContext, ValidationReport } from "./types";

/**
 * The one rule engine: every rule runs, every finding is kept (never first-error-only). Only the spec tier
 * emits errors; pass = no error and a content score at or above the pass mark.
 */

export const RULES: readonly Rule[] = [
  ...specRules,
  ...portabilityRules,
  ...qualityContentRules,
  ...qualityFolderRules,
  ...qualityMetadataRules,
  ...qualityMeasuredRules,
];

function findingsOf(rule: Rule, ctx: SkillContext): Finding[] {
  return rule.check(ctx).map((hit) => {
    const finding: Finding = {
      ruleId: rule.id,
      tier: rule.tier,
      severity: rule.severity,
      message: hit.message,
      path: displayPath(ctx, hit.file ?? "SKILL.md"),
    };
    if (hit.line !== undefined) finding.line = hit.line;
    return finding;
  });
}

const NOTHING_TO_ASSESS: QualityAssessment = { overall: 0, dimensions: [], scaffold: false };

function contentScores(assessment: QualityAssessment): ContentScores {
  const score = (id: string) => assessment.dimensions.find((d) => d.id === id)?.score ?? 0;
  return {
    overall: assessment.overall,
    specificity: score("specificity"),
    actionability: score("actionability"),
    templateResidue: score("templateResidue"),
    examples: score("examples"),
    triggerQuality: score("triggerQuality"),
    progressiveDisclosure: score("progressiveDisclosure"),
  };
}

function qualityDetails(assessment: QualityAssessment, threshold: number): QualityDetails {
  return {
    threshold,
    heuristic: assessment.overall,
    dimensionBar: DIMENSION_BAR,
    scaffold: assessment.scaffold,
    dimensions: assessment.dimensions,
    judge: { status: "not_run", reason: "the validator measures content with the deterministic model only" },
  };
}

export function runRules(ctx: SkillContext, rules: readonly Rule[] = RULES): ValidationReport {
  const applicable = rules.filter((rule) => rule.scope === "content" || ctx.hasFolder);
  const findings = applicable.flatMap((rule) => findingsOf(rule, ctx));
  const assessment = assessmentOf(ctx) ?? NOTHING_TO_ASSESS;
  // The same files, scanned for what could hijack an agent: a well-written skill that steals keys does not pass.
  const security = scanSkill(ctx);
  const clean = !riskReaches(security.risk, "high");
  return {
    passed: !findings.some((finding) => finding.severity === "error") && assessment.overall >= ctx.threshold && clean,
    findings,
    scores: contentScores(assessment),
    quality: qualityDetails(assessment, ctx.threshold),
    security,
  };
}
