/**
 * The validation verdict as words, without zod: labels, the dimensions under the bar, and the one-line verdict,
 * shared by the pages, the CLI and the server. The schemas of the report are in ./validation.ts; this file holds
 * what the browser needs at run time, so the job page's JavaScript carries no validator (docs/ui.md).
 */

/** How the offline engine's output is labelled everywhere: the page, the CLI, the skill's metadata. */
export const SCAFFOLD_LABEL = "Scaffold (offline)";

export const DIMENSION_IDS = [
  "specificity",
  "actionability",
  "templateResidue",
  "examples",
  "triggerQuality",
  "progressiveDisclosure",
] as const;

export const DIMENSION_LABELS: Record<(typeof DIMENSION_IDS)[number], string> = {
  specificity: "Specificity",
  actionability: "Actionability",
  templateResidue: "Template residue",
  examples: "Examples",
  triggerQuality: "Trigger quality",
  progressiveDisclosure: "Progressive disclosure",
};

/** The dimensions that kept a report from passing (or would, at the bar), weakest first. */
export function dimensionsBelowBar<D extends { score: number }>(details: {
  dimensions: D[];
  dimensionBar: number;
}): D[] {
  return details.dimensions.filter((d) => d.score < details.dimensionBar).sort((a, b) => a.score - b.score);
}

/** The parts of a report a verdict is read from (older job results may lack scores and quality). */
export interface VerdictInput {
  passed: boolean;
  findings: { severity: "error" | "warning" | "info" }[];
  scores?: { overall: number } | null;
  quality?: { threshold: number; scaffold: boolean } | null;
  /** The security scan's risk (docs/security-scan.md); high or critical fails validation. */
  security?: { risk: string } | null;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

/**
 * The verdict in one line, with its reason: a specification error, a content score under the pass mark, or both.
 * Shared by the pages and the CLI so they never disagree (and never say "did not pass" without saying why).
 */
export function verdictHeadline(report: VerdictInput): string {
  const measured = contentScore(report);
  if (report.passed)
    return `Passed: ${measured ? `content quality ${measured.overall.toFixed(2)} (pass mark ${measured.threshold})` : "no specification error"}`;
  const reasons = failureReasons(report, measured);
  if (reasons.length === 0) return "Did not pass: validated before content scores were recorded; validate it again";
  return `Did not pass: ${reasons.join("; ")}`;
}

function contentScore(report: VerdictInput): { overall: number; threshold: number } | null {
  const overall = report.scores?.overall;
  const threshold = report.quality?.threshold;
  return typeof overall === "number" && typeof threshold === "number" ? { overall, threshold } : null;
}

function failureReasons(report: VerdictInput, measured: { overall: number; threshold: number } | null): string[] {
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const reasons: string[] = [];
  if (errors > 0) reasons.push(plural(errors, "specification error"));
  if (measured && measured.overall < measured.threshold)
    reasons.push(`content quality ${measured.overall.toFixed(2)} is below the pass mark ${measured.threshold}`);
  if (report.quality?.scaffold) reasons.push("it is an unfinished scaffold");
  const risk = report.security?.risk;
  if (risk === "high" || risk === "critical") reasons.push(`the security scan rates its risk ${risk}`);
  return reasons;
}
