import { z } from "zod";
import { changeRequests } from "../offline/feedback";
import { applyFeedback } from "../offline/revise";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { defineStep } from "./define";

export const incorporateFeedbackOutput = z.object({
  revisedContent: z.string(),
  changesMade: z.array(z.string()),
  changesRejected: z.array(z.string()),
  qualityImpact: z.enum(["improved", "unchanged", "degraded"]),
  reasoning: z.string(),
});

/**
 * The "refine" answer at the preview and review checkpoints (docs/workflow.md, Generation): the reviewer's feedback is
 * really passed and applied (the reference lost it). On failure or a blank answer the content is kept.
 */
export const incorporateFeedback = defineStep({
  name: "incorporateFeedback",
  input: z.object({ currentContent: z.string(), feedback: z.string() }),
  output: incorporateFeedbackOutput,
  streamField: "revisedContent",
  prompt: (input) => ({
    system: systemPrompt("You apply a reviewer's requested changes to a SKILL.md.", [
      "Apply each change request; keep the structure, frontmatter and quality of everything else.",
      "Return the whole revised SKILL.md in revisedContent; list changesMade and changesRejected (with the reason).",
      "qualityImpact: improved, unchanged or degraded.",
    ]),
    prompt: dataPrompt("Apply the reviewer's change requests to the skill.", {
      skill: input.currentContent,
      feedback: input.feedback,
      changeRequests: changeRequests(input.feedback),
    }),
  }),
  offline: (input) => {
    const revision = applyFeedback(input.currentContent, input.feedback);
    const changed = revision.content !== input.currentContent;
    return {
      revisedContent: revision.content,
      changesMade: revision.changes,
      changesRejected: revision.rejected,
      qualityImpact: changed ? ("improved" as const) : ("unchanged" as const),
      reasoning: "Offline engine: each change request mapped to an edit of the skill.",
    };
  },
  fallback: (input) => ({
    revisedContent: input.currentContent,
    changesMade: [],
    changesRejected: [],
    qualityImpact: "unchanged" as const,
    reasoning: "fallback: the model failed, the content is unchanged",
  }),
  // A blank revision would erase the draft; the reference keeps the original then.
  finalize: (output, { input }) =>
    output.revisedContent.trim()
      ? output
      : { ...output, revisedContent: input.currentContent, qualityImpact: "unchanged" as const },
});
