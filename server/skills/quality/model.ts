import { qualityContext } from "./context";
import { actionability } from "./dimensions/actionability";
import { progressiveDisclosure } from "./dimensions/disclosure";
import { examples } from "./dimensions/examples";
import { templateResidue } from "./dimensions/residue";
import { specificity } from "./dimensions/specificity";
import { triggerQuality } from "./dimensions/trigger";
import { round2 } from "./evidence";
import { hasScaffoldMarker } from "./signals";
import { startWordCache } from "./words";
import type { DimensionId, DimensionScore, QualityAssessment, QualityInput } from "./types";

/**
 * The content-quality model: six dimensions, each 0–1 with the lines that earned or lost points, combined into
 * one overall score. Deterministic and offline; see docs/quality.md for what each dimension measures and how
 * the weights were calibrated.
 */
export const WEIGHTS: Record<DimensionId, number> = {
  // Substance first: what an expert would name, and whether the agent can act on it.
  specificity: 0.35,
  actionability: 0.25,
  examples: 0.15,
  // Residue also gates the total (see combine); trigger and disclosure matter, but polish cannot carry filler.
  templateResidue: 0.1,
  triggerQuality: 0.1,
  progressiveDisclosure: 0.05,
};

function combine(dimensions: DimensionScore[]): number {
  const weighted = dimensions.reduce((sum, d) => sum + WEIGHTS[d.id] * d.score, 0);
  const residue = dimensions.find((d) => d.id === "templateResidue")?.score ?? 1;
  // Residue is a gate as well as a dimension: unfinished text cannot be offset by polish elsewhere, while a
  // stray placeholder in an otherwise finished skill costs only its own weight.
  return weighted * Math.min(1, 0.5 + residue);
}

/**
 * The body read is capped: a SKILL.md is meant to stay under 500 lines (progressive disclosure already costs a
 * longer one), and the cap keeps hostile input (megabytes of text) within a bounded time.
 */
export const MAX_ASSESSED_CHARS = 200_000;

function bounded(input: QualityInput): QualityInput {
  if (input.body.length <= MAX_ASSESSED_CHARS) return input;
  const cut = input.body.lastIndexOf("\n", MAX_ASSESSED_CHARS);
  return { ...input, body: input.body.slice(0, cut > 0 ? cut : MAX_ASSESSED_CHARS) };
}

export function assessQuality(whole: QualityInput, descriptionLine = 1): QualityAssessment {
  startWordCache();
  const input = bounded(whole);
  const ctx = qualityContext(input);
  const dimensions = [
    specificity(ctx),
    actionability(ctx),
    templateResidue(ctx),
    examples(ctx),
    triggerQuality(input.description, descriptionLine),
    progressiveDisclosure(ctx),
  ];
  return { overall: round2(combine(dimensions)), dimensions, scaffold: hasScaffoldMarker(input.body) };
}
