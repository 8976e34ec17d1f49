import { qualityScores } from "../scores";
import { displayPath } from "./context";
import { portabilityRules } from "./rules/portability";
import { qualityContentRules } from "./rules/quality-content";
import { qualityFolderRules } from "./rules/quality-folder";
import { qualityMetadataRules } from "./rules/quality-metadata";
import { specRules } from "./rules/spec";
import type { Finding, Rule, SkillContext, ValidationReport } from "./types";

/** The one rule engine: every rule runs, every finding is kept (never first-error-only); pass = no errors. */

export const RULES: readonly Rule[] = [
  ...specRules,
  ...portabilityRules,
  ...qualityContentRules,
  ...qualityFolderRules,
  ...qualityMetadataRules,
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

export function runRules(ctx: SkillContext, rules: readonly Rule[] = RULES): ValidationReport {
  const applicable = rules.filter((rule) => rule.scope === "content" || ctx.hasFolder);
  const findings = applicable.flatMap((rule) => findingsOf(rule, ctx));
  return {
    passed: !findings.some((finding) => finding.severity === "error"),
    findings,
    scores: qualityScores(ctx.skillMd?.text ?? ""),
  };
}
