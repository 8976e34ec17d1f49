import { z } from "zod";
import { DIMENSION_LABELS, dimensionsBelowBar } from "../../../contracts/validation";
import type { ValidationReport } from "../../skills/validator/index";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { defineStep } from "./define";
import { planInputSchema } from "./schemas";

export const refineContentInput = z.object({
  content: z.string(),
  plan: planInputSchema,
  /** What to improve (see refinementFeedback). */
  feedback: z.array(z.string()),
  targetScore: z.number().min(0).max(1).optional(),
});

export const refinedContentSchema = z.object({ skillContent: z.string().min(1), changesMade: z.array(z.string()) });

/**
 * Feedback for one round of generation refinement, from the content-quality model's report: each
 * specification error, then each dimension under the bar with the lines that cost it points, so a model knows
 * exactly what to replace (not "add a section", which the old heuristic rewarded).
 */
export function refinementFeedback(report: ValidationReport): string[] {
  const errors = report.findings.filter((f) => f.severity === "error").map((f) => `Fix: ${f.message}`);
  const dimensions = dimensionsBelowBar(report.quality).map((d) => {
    const lines = d.evidence
      .filter((e) => e.effect === "-")
      .map((e) => `line ${e.line ?? "?"} "${e.quote}" (${e.note})`)
      .join("; ");
    return `${DIMENSION_LABELS[d.id]} is ${d.score.toFixed(2)}: ${d.summary}.${lines ? ` Rewrite: ${lines}.` : ""}`;
  });
  const overall = `Content quality is ${report.scores.overall.toFixed(2)}; make every instruction concrete and specific to the domain.`;
  return [...errors, ...dimensions, overall];
}

/** One round of generation refinement; the workflow loops it while the heuristic reward improves. No fallback. */
export const refineContent = defineStep({
  name: "refineContent",
  input: refineContentInput,
  output: refinedContentSchema,
  streamField: "skillContent",
  prompt: (input) => ({
    system: systemPrompt("You improve a SKILL.md draft according to feedback, keeping what already works.", [
      "Return the whole revised SKILL.md in skillContent, frontmatter included, and list changesMade.",
      "Address every feedback item; do not drop sections, examples or frontmatter keys that are not mentioned.",
      input.targetScore === undefined
        ? "Aim for a clearly better draft."
        : `Aim for a quality score of at least ${input.targetScore}.`,
    ]),
    prompt: dataPrompt("Revise the draft according to the feedback.", {
      draft: input.content,
      feedback: input.feedback,
      plan: input.plan,
    }),
  }),
  // The offline engine cannot add expertise it does not have: it keeps the scaffold as it is.
  offline: (input) => ({ skillContent: input.content, changesMade: [] }),
});
