import { z } from "zod";
import { heuristicReward } from "../../skills/scores";
import { templateCompliance } from "../../skills/validator/rules/templates";
import { repairContent } from "../offline/revise";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { defineStep } from "./define";
import { planSchema } from "./schemas";

export const refineContentInput = z.object({
  content: z.string(),
  plan: planSchema,
  /** What to improve (see refinementFeedback). */
  feedback: z.array(z.string()),
  targetScore: z.number().min(0).max(1).optional(),
});

export const refinedContentSchema = z.object({ skillContent: z.string().min(1), changesMade: z.array(z.string()) });

/**
 * Feedback for one round of generation refinement (docs/workflow.md, Generation), from the heuristic reward: missing
 * core sections, frontmatter, examples, template headings, and a sentence for the score band.
 */
export function refinementFeedback(content: string, category: string): string[] {
  const lower = content.toLowerCase();
  const score = heuristicReward(content).score;
  const missing = ["instructions", "examples", "when to use"].filter((s) => !lower.includes(s));
  const feedback = missing.length ? [`Add the missing sections: ${missing.join(", ")}`] : [];
  if (!content.startsWith("---")) feedback.push("Add YAML frontmatter with name and description");
  if ((content.match(/```/g) ?? []).length < 4) feedback.push("Add more practical code examples");
  const headings = templateCompliance(category, content)?.missingHeadings.slice(0, 3) ?? [];
  if (headings.length) feedback.push(`Add the template sections: ${headings.join(", ")}`);
  if (score < 0.5) feedback.push("Significantly expand the content with concrete steps and examples");
  else if (score < 0.7) feedback.push("Improve structure with clearer explanations and more examples");
  else if (score < 0.85) feedback.push("Polish wording and make the examples more specific");
  return feedback;
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
  offline: (input) => {
    const revision = repairContent(input.content, input.plan);
    return { skillContent: revision.content, changesMade: revision.changes };
  },
});
