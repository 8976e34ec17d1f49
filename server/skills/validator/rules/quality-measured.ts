import { assessQuality } from "../../quality/model";
import { SCAFFOLD_MARKER } from "../../quality/signals";
import { DIMENSION_LABELS, type DimensionId, type DimensionScore, type QualityAssessment } from "../../quality/types";
import type { Rule, RuleHit, SkillContext } from "../types";
import { keyLine, stringValue } from "./helpers";

/**
 * Quality tier, measured: the content-quality model's dimensions (server/skills/quality) as findings. A
 * dimension under the bar is reported with the line that cost it most, so "did not pass" always comes with
 * its reasons; the overall score under the pass mark is reported once more as the verdict itself.
 */

/** A dimension under this is a reason, whatever the overall score. */
export const DIMENSION_BAR = 0.5;

const none: RuleHit[] = [];
const assessments = new WeakMap<SkillContext, QualityAssessment>();

/** The files of the folder other than SKILL.md, as the quality model reads them (null for pasted text). */
function otherFiles(ctx: SkillContext): Map<string, string | null> | null {
  if (!ctx.hasFolder) return null;
  const files = new Map<string, string | null>();
  for (const [file, content] of ctx.files) if (file !== "SKILL.md") files.set(file, content.text);
  return files;
}

/** The one assessment of a context, shared by every rule below and by the report's scores. */
export function assessmentOf(ctx: SkillContext): QualityAssessment | null {
  const view = ctx.skillMd;
  if (!view) return null;
  const known = assessments.get(ctx);
  if (known) return known;
  const assessment = assessQuality(
    {
      name: stringValue(ctx, "name") ?? ctx.folder,
      description: stringValue(ctx, "description") ?? "",
      body: view.body,
      bodyFirstLine: view.bodyFirstLine,
      skillMdLines: view.text.split("\n").length,
      files: otherFiles(ctx),
    },
    keyLine(ctx, "description"),
  );
  assessments.set(ctx, assessment);
  return assessment;
}

/** The first line that lost points, so the finding points somewhere a reader can fix. */
function worstLine(dimension: DimensionScore): Pick<RuleHit, "file" | "line"> {
  const lost = dimension.evidence.find((e) => e.effect === "-" && e.line !== undefined);
  if (!lost) return {};
  return { file: lost.file ?? "SKILL.md", line: lost.line };
}

function lostQuote(dimension: DimensionScore): string {
  const lost = dimension.evidence.find((e) => e.effect === "-");
  return lost ? ` For example: "${lost.quote}" (${lost.note}).` : "";
}

const rule = (id: string, check: Rule["check"]): Rule => ({
  id,
  tier: "quality",
  severity: "warning",
  scope: "content",
  check,
});

function dimensionRule(id: DimensionId, ruleId: string, advice: string): Rule {
  return rule(ruleId, (ctx) => {
    const dimension = assessmentOf(ctx)?.dimensions.find((d) => d.id === id);
    if (!dimension || dimension.score >= DIMENSION_BAR) return none;
    const label = DIMENSION_LABELS[id];
    const message = `${label} ${dimension.score.toFixed(2)} (bar ${DIMENSION_BAR}): ${dimension.summary}.${lostQuote(dimension)} ${advice}`;
    return [{ message, ...worstLine(dimension) }];
  });
}

const specificity = dimensionRule(
  "specificity",
  "quality/specificity",
  "Name what an expert would: the commands, files, flags, numbers, APIs and error messages of the task.",
);
const actionability = dimensionRule(
  "actionability",
  "quality/actionability",
  "Turn advice into steps the agent can run or check; drop lines such as 'follow best practices'.",
);
const templateResidue = dimensionRule(
  "templateResidue",
  "quality/template-residue",
  "Replace every placeholder and template phrase with the real content.",
);
const examples = dimensionRule(
  "examples",
  "quality/examples",
  "Show a worked example from the real domain (real commands, real data), not foo/bar or a placeholder.",
);
const triggerQuality = dimensionRule(
  "triggerQuality",
  "quality/trigger-quality",
  "Say in the description what the skill does and when to use it, with the words users and tasks actually use.",
);
const progressiveDisclosure = dimensionRule(
  "progressiveDisclosure",
  "quality/progressive-disclosure",
  "Keep SKILL.md within budget and point to every bundled file from it.",
);

const scaffold = rule("quality/scaffold", (ctx) => {
  const view = ctx.skillMd;
  if (!view || !assessmentOf(ctx)?.scaffold) return none;
  const lines = view.text.split("\n");
  const marked = lines
    .map((text, index) => ({ text, line: index + 1 }))
    .filter((l) => l.text.includes(`[${SCAFFOLD_MARKER}`));
  const message = `An unfinished scaffold: ${marked.length} places marked [FILL IN …] still need content. Fill them in, or connect a model (SKILL_FLEET_MODEL=provider:model) and create the skill again.`;
  return [{ message, line: marked[0]?.line }];
});

const contentScore = rule("quality/content-score", (ctx) => {
  const assessment = assessmentOf(ctx);
  if (!assessment || assessment.overall >= ctx.threshold) return none;
  const weakest = [...assessment.dimensions]
    .sort((a, b) => a.score - b.score)
    .slice(0, 2)
    .map((d) => `${DIMENSION_LABELS[d.id].toLowerCase()} ${d.score.toFixed(2)}`)
    .join(", ");
  return [
    {
      message: `Content quality ${assessment.overall.toFixed(2)} is below the pass mark ${ctx.threshold} (weakest: ${weakest})`,
    },
  ];
});

export const qualityMeasuredRules: Rule[] = [
  specificity,
  actionability,
  templateResidue,
  examples,
  triggerQuality,
  progressiveDisclosure,
  scaffold,
  contentScore,
];
