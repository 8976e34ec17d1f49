import { z } from "zod";
import { offlineContent } from "../offline/scaffold";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { templateFor } from "../templates";
import { defineStep } from "./define";
import { planInputSchema, understandingSchema } from "./schemas";

export const generateContentInput = z.object({
  plan: planInputSchema,
  understanding: understandingSchema,
  skillStyle: z.enum(["comprehensive", "minimal", "navigation_hub"]).optional(),
});

export const generatedContentSchema = z.object({
  skillContent: z.string().min(1),
  sectionsGenerated: z.array(z.string()),
  codeExamplesCount: z.number().int().min(0),
  estimatedReadingTime: z.number().int().min(0),
  reasoning: z.string(),
});

const STYLE: Record<string, string> = {
  comprehensive: "detailed and self-contained",
  minimal: "concise, single purpose",
  navigation_hub: "short, pointing to reference files for depth",
};

/** content_generator (docs/workflow.md, Generation), streamed token by token when the job asks for it. No fallback. */
export const generateContent = defineStep({
  name: "generateContent",
  input: generateContentInput,
  output: generatedContentSchema,
  streamField: "skillContent",
  prompt: (input) => {
    const template = templateFor(input.plan.skillCategory);
    return {
      system: systemPrompt(
        "You write a complete, production-ready SKILL.md for an AI agent, following the agentskills.io format.",
        [
          "skillContent starts with YAML frontmatter (--- name, description, metadata ---) using the plan's name, description and metadata (its key/value pairs as a mapping), then the markdown body.",
          `Required sections: ${template.requiredSections.join(", ")}, plus "## When to Use" (with when NOT to use) and "## Quick Start".`,
          "Use the plan's outline in order, short sentences, numbered steps, and 1-3 working fenced code examples relevant to the topics.",
          `Style: ${STYLE[input.skillStyle ?? "comprehensive"]}. Keep the body under 500 lines.`,
          "Also return sectionsGenerated (the ## titles), codeExamplesCount and estimatedReadingTime in minutes.",
        ],
      ),
      prompt: dataPrompt("Write the SKILL.md for this plan.", { plan: input.plan, understanding: input.understanding }),
    };
  },
  offline: (input) => offlineContent(input.plan, input.understanding),
});
