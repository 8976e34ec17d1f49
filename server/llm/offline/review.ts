import { heuristicReward } from "../../skills/scores";
import { validateSkillContent } from "../../skills/validator";
import { templateCompliance } from "../../skills/validator/rules/templates";
import type { Plan } from "../steps/schemas";
import { words } from "./text";

/** checkCompliance and assessQuality, offline: the rule validator and the heuristic scores stand in for a judge. */
export interface ComplianceReport {
  passed: boolean;
  complianceScore: number;
  issues: string[];
  criticalIssues: string[];
  warnings: string[];
  autoFixable: boolean;
}

const round = (value: number): number => Number(Math.min(1, Math.max(0, value)).toFixed(3));

function pathWarnings(taxonomyPath: string): string[] {
  return taxonomyPath.includes("/") ? [] : [`Taxonomy path "${taxonomyPath}" should be category/skill-name`];
}

export function offlineCompliance(skillContent: string, taxonomyPath: string): ComplianceReport {
  const folderName = taxonomyPath.split("/").filter(Boolean).pop();
  const report = validateSkillContent(skillContent, folderName ? { folderName } : undefined);
  const errors = report.findings.filter((f) => f.severity === "error");
  const warnings = report.findings.filter((f) => f.severity === "warning");
  return {
    passed: report.passed,
    complianceScore: round(1 - 0.25 * errors.length - 0.02 * warnings.length),
    issues: errors.map((f) => `${f.ruleId}: ${f.message}`),
    criticalIssues: errors.filter((f) => f.tier === "spec").map((f) => `${f.ruleId}: ${f.message}`),
    warnings: [...warnings.map((f) => `${f.ruleId}: ${f.message}`).slice(0, 10), ...pathWarnings(taxonomyPath)],
    autoFixable: errors.every((f) => f.tier !== "spec"),
  };
}

/** The reference's fallback (§2.3 step 3): frontmatter with name and description, nothing more. */
export function fallbackCompliance(skillContent: string, taxonomyPath: string): ComplianceReport {
  const issues = [
    ...(skillContent.startsWith("---") ? [] : ["Missing YAML frontmatter"]),
    ...(skillContent.includes("name:") ? [] : ["Missing name in frontmatter"]),
    ...(skillContent.includes("description:") ? [] : ["Missing description in frontmatter"]),
  ];
  const passed = issues.length === 0;
  return {
    passed,
    complianceScore: passed ? 0.9 : 0.2,
    issues,
    criticalIssues: [],
    warnings: pathWarnings(taxonomyPath),
    autoFixable: !passed,
  };
}

export interface QualityAssessment {
  overallScore: number;
  completeness: number;
  clarity: number;
  usefulness: number;
  accuracy: number;
  strengths: string[];
  weaknesses: string[];
  meetsSuccessCriteria: boolean;
  missingSuccessCriteria: string[];
}

/** A criterion counts as covered when most of its content words appear in the skill. */
function covered(criterion: string, text: string): boolean {
  const keys = words(criterion).filter(
    (w) => w.length > 3 && !["user", "can", "skill", "without", "correctly"].includes(w),
  );
  return keys.length === 0 || keys.filter((w) => text.includes(w)).length / keys.length >= 0.6;
}

function outlineCoverage(plan: Plan, content: string): number {
  const headings = [...content.matchAll(/^#{2,3}\s+(.+)$/gm)].map((m) => (m[1] ?? "").toLowerCase());
  const found = plan.outline.filter((o) => headings.some((h) => h.includes(o.title.toLowerCase()))).length;
  const template = templateCompliance(plan.skillCategory, content);
  return (found / Math.max(1, plan.outline.length) + (template?.score ?? 1)) / 2;
}

const NAMES: Record<string, [string, string]> = {
  completeness: ["Covers every planned section", "Some planned sections are missing"],
  clarity: ["Short, clear sentences", "Sentences are long or use passive voice"],
  usefulness: ["Concrete steps with runnable examples", "Needs more concrete examples and steps"],
  accuracy: ["Stays on the requested topics", "Drifts from the requested topics"],
};

export function offlineQuality(skillContent: string, plan: Plan, successCriteria: string[]): QualityAssessment {
  const lower = skillContent.toLowerCase();
  const reward = heuristicReward(skillContent);
  const criteria = successCriteria.length ? successCriteria : plan.successCriteria;
  const missing = criteria.filter((c) => !covered(c.toLowerCase(), lower));
  const topicsHit =
    plan.tags.filter((t) => lower.includes(t.replace(/-/g, " ")) || lower.includes(t)).length /
    Math.max(1, plan.tags.length);
  const scores = {
    completeness: round(outlineCoverage(plan, skillContent)),
    clarity: round(reward.clarity),
    usefulness: round((reward.examples + reward.structure) / 2),
    accuracy: round((topicsHit + (criteria.length - missing.length) / Math.max(1, criteria.length)) / 2),
  };
  const overall = round(
    0.3 * scores.completeness + 0.2 * scores.clarity + 0.3 * scores.usefulness + 0.2 * scores.accuracy,
  );
  const entries = Object.entries(scores) as [keyof typeof scores, number][];
  return {
    overallScore: overall,
    ...scores,
    strengths: entries.filter(([, v]) => v >= 0.7).map(([k]) => NAMES[k]?.[0] ?? k),
    weaknesses: entries.filter(([, v]) => v < 0.7).map(([k]) => NAMES[k]?.[1] ?? k),
    meetsSuccessCriteria: missing.length === 0,
    missingSuccessCriteria: missing,
  };
}

/** The reference's fallback (§1.6 B): all scores 0, so validation fails instead of passing on no judgement. */
export function fallbackQuality(): QualityAssessment {
  return {
    overallScore: 0,
    completeness: 0,
    clarity: 0,
    usefulness: 0,
    accuracy: 0,
    strengths: [],
    weaknesses: ["Quality could not be assessed"],
    meetsSuccessCriteria: false,
    missingSuccessCriteria: [],
  };
}
