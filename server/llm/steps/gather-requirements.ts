import { z } from "zod";
import { fallbackRequirements, offlineRequirements } from "../offline/requirements";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { defineStep } from "./define";
import { clarificationSchema, requirementsSchema } from "./schemas";

export const gatherRequirementsInput = z.object({
  taskDescription: z.string().min(1),
  /** Answers to earlier clarifying questions (re-runs after a clarify checkpoint). */
  clarifications: z.array(clarificationSchema).optional(),
});

export const gatherRequirements = defineStep({
  name: "gatherRequirements",
  input: gatherRequirementsInput,
  output: requirementsSchema,
  prompt: (input) => ({
    system: systemPrompt(
      "You analyse a request for a new agent skill (a SKILL.md folder an AI agent loads on demand) and extract its requirements.",
      [
        "domain: technical, cognitive, domain_knowledge, tool or meta; category: one kebab-case word for the subject area.",
        "topics: 3-7 concrete topics, most important first; constraints: at most 5 rules the user stated.",
        "ambiguities: at most 3 specific open questions that block a good skill; leave it empty when the request is clear enough to infer the rest.",
        'description: 1-2 sentences starting with "Use when" that say when an agent should load the skill (symptoms, tools, phrases), not how it works; no angle brackets, at most 1024 characters.',
        "suggestedSkillName: 3-5 lowercase words joined by hyphens; never the words claude or anthropic.",
        "triggerPhrases: 5-7 things a user would say; negativeTriggers: 3-5 similar requests the skill must not handle.",
        "skillCategory: document_creation, workflow_automation, mcp_enhancement, analysis or other; requiresMcp and suggestedMcpServer only when an MCP server is needed.",
        "Write the description and topics in the language of the task.",
      ],
    ),
    prompt: dataPrompt("Extract the requirements of the skill described in this task.", {
      task: input.taskDescription,
      ...(input.clarifications?.length ? { clarifications: input.clarifications } : {}),
    }),
  }),
  offline: (input) => offlineRequirements(input.taskDescription, input.clarifications),
  fallback: (input) => fallbackRequirements(input.taskDescription),
});
