import { z } from "zod";
import { fallbackPlan, offlinePlan } from "../offline/plan";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { templateFor } from "../templates";
import { defineStep } from "./define";
import {
  dependenciesSchema,
  intentSchema,
  planSchema,
  requirementsSchema,
  taxonomySchema,
  withMetadata,
} from "./schemas";

export const synthesizePlanInput = z.object({
  requirements: requirementsSchema,
  intent: intentSchema,
  taxonomy: taxonomySchema,
  dependencies: dependenciesSchema,
  /** Feedback from a "revise" answer at the confirm checkpoint. */
  userConfirmation: z.string().optional(),
});

/**
 * The plan, docs/workflow.md, What the plan carries: it carries name, triggers, category and metadata to generation and
 * drafts.
 */
export const synthesizePlan = defineStep({
  name: "synthesizePlan",
  input: synthesizePlanInput,
  output: planSchema,
  prompt: (input) => ({
    system: systemPrompt("You turn the analysis of a skill request into a plan for writing its SKILL.md.", [
      'name: kebab-case, at most 64 characters; description: starts with "Use when", at most 1024 characters, no angle brackets.',
      "taxonomyPath: category/skill-name, two segments, ending in the name.",
      "Carry triggerPhrases, negativeTriggers and skillCategory over from the requirements unless the feedback changes them.",
      `outline: 5-15 sections, each {title, description}; include the category's required sections: ${templateFor(input.requirements.skillCategory).requiredSections.join(", ")}.`,
      "guidance: how to write it; successCriteria: 3-5 items; estimatedLength: short, medium or long; tags: 3-7 kebab-case words.",
      "metadata: a list of {key, value} string pairs worth keeping with the skill (domain, target-level, skill-category).",
      "If userConfirmation holds reviewer feedback, the plan must apply it.",
    ]),
    prompt: dataPrompt("Write the plan for this skill.", {
      requirements: input.requirements,
      intent: input.intent,
      taxonomy: input.taxonomy,
      dependencies: input.dependencies,
      userConfirmation: input.userConfirmation ?? "",
    }),
  }),
  offline: (input) => offlinePlan(input),
  fallback: (input) => fallbackPlan(input),
  // The engine that wrote the plan travels with the skill ("generated-by: offline" marks an offline draft).
  finalize: (plan, { engine }) => ({ ...plan, metadata: withMetadata(plan.metadata, "generated-by", engine) }),
});
