import type { SkillCategory } from "../steps/schemas";
import type { ContentContext } from "./content-context";
import { requestExample, resultTemplate, starterExample } from "./content-examples";
import { bullets, checklist, numbered, table, titleCase } from "./markdown";
import { capitalise } from "./text";

/** Section writers for the offline SKILL.md. Each returns the markdown of one `## ` section. */
const LEVEL_NOTE: Record<ContentContext["level"], string> = {
  beginner: "Take each step slowly and check the result before moving on.",
  intermediate: "Skip steps you have already covered, but never skip the checks.",
  advanced: "Focus on edge cases, failure modes and what changes at scale.",
  expert: "Use this as a checklist; the reasoning behind each step is in the references.",
};

function rulesFromRequest(ctx: ContentContext): string {
  return ctx.constraints.length ? `\n\nRules from the request:\n\n${bullets(ctx.constraints)}` : "";
}

function topicSteps(ctx: ContentContext): string {
  return ctx.topics
    .map(
      (topic) =>
        `### ${titleCase(topic)}\n\n${numbered([`Write down what a good result for ${topic} looks like.`, `Collect the inputs you need, such as files, data and access.`, `Make one change at a time and check it.`, `Record what you did and what is still open.`])}`,
    )
    .join("\n\n");
}

const instructions = (ctx: ContentContext) =>
  `## Instructions\n\n${LEVEL_NOTE[ctx.level]}\n\n${topicSteps(ctx)}${rulesFromRequest(ctx)}`;
const examples = (ctx: ContentContext) =>
  `## Examples\n\n${starterExample(ctx)}\n\nExample exchange:\n\n${requestExample(ctx)}`;
const troubleshooting = (ctx: ContentContext) =>
  `## Troubleshooting\n\n${table(
    ["Problem", "Likely cause", "Fix"],
    [
      [`The result for ${ctx.topic} is incomplete`, "A step was skipped", "Go back to the first unchecked step"],
      ["The request is unclear", "Missing inputs or goal", "Ask one specific question, then continue"],
      ["A check fails", "The change did not do what you expected", "Undo the last change and try a smaller one"],
    ],
  )}`;

const outputFormat = (ctx: ContentContext) =>
  `## Output Format\n\nDeliver the result in this structure:\n\n${resultTemplate(ctx)}`;
const styleGuidelines = (ctx: ContentContext) =>
  `## Style Guidelines\n\n${bullets(["Use short sentences and plain words.", "Put the most important point first.", `Use the terms the reader uses for ${ctx.topic}.`, "Follow the formatting conventions of the target format."])}${rulesFromRequest(ctx)}`;
const qualityChecklist = (ctx: ContentContext) =>
  `## Quality Checklist\n\n${checklist([...ctx.topics.map((t) => `${capitalise(t)} is covered`), "Facts and numbers are checked", "Spelling and formatting are consistent"])}`;
const workflowSteps = (ctx: ContentContext) =>
  `## Workflow Steps\n\n${LEVEL_NOTE[ctx.level]}\n\n${topicSteps(ctx)}${rulesFromRequest(ctx)}`;
const inputOutput = (ctx: ContentContext) =>
  `## Input/Output\n\n${table(
    ["", "What"],
    [
      ["Input", `The material for ${ctx.topic} and the goal`],
      ["Output", "The finished result and a short log of the steps"],
    ],
  )}`;
const errorHandling = () =>
  `## Error Handling\n\n${bullets(["If a step fails, stop and record the error message.", "Retry once after fixing the cause; do not retry blindly.", "If it fails again, report the step, the input and the error."])}`;
const validationGates = (ctx: ContentContext) =>
  `## Validation Gates\n\n${checklist(["Inputs are complete before the first step", ...ctx.topics.slice(0, 3).map((t) => `${capitalise(t)} verified before moving on`), "Final result checked against the Success Criteria"])}`;
const mcpTools = (ctx: ContentContext) =>
  `## MCP Tools Used\n\n${bullets([`The ${ctx.plan.metadata["mcp-server"] || ctx.tech || "connected"} MCP server: read and update the items involved in ${ctx.topic}.`, "Use read tools first, then write tools only after the user confirms."])}`;
const toolSequences = (ctx: ContentContext) =>
  `## Tool Sequences\n\n${numbered(["List or search the items involved.", "Read the details of the one that matters.", `Apply the change for ${ctx.topic}.`, "Read it back to confirm the change."])}`;
const errorRecovery = () =>
  `## Error Recovery\n\n${bullets(["Authentication errors: reconnect the server, then retry.", "Not found: search again with a broader query.", "Rate limits: wait, then retry once."])}`;
const prerequisites = (ctx: ContentContext) =>
  `## Prerequisites\n\n${checklist([`The MCP server for ${ctx.tech || ctx.topic} is installed and connected`, "The account has access to the items involved", "The user has confirmed the goal"])}`;
const analysisMethod = (ctx: ContentContext) =>
  `## Analysis Method\n\n${LEVEL_NOTE[ctx.level]}\n\n${topicSteps(ctx)}${rulesFromRequest(ctx)}`;
const inputRequirements = (ctx: ContentContext) =>
  `## Input Requirements\n\n${bullets([`The material to analyse for ${ctx.topic}`, "The question the analysis must answer", "Any limits on time, scope or tools"])}`;
const interpretation = () =>
  `## Interpretation Guidelines\n\n${bullets(["Separate facts from judgement in the findings.", "Rank findings by impact, highest first.", "Say how confident you are and why."])}`;

const WRITERS: Record<string, (ctx: ContentContext) => string> = {
  "## Instructions": instructions,
  "## Examples": examples,
  "## Troubleshooting": troubleshooting,
  "## Output Format": outputFormat,
  "## Style Guidelines": styleGuidelines,
  "## Quality Checklist": qualityChecklist,
  "## Workflow Steps": workflowSteps,
  "## Input/Output": inputOutput,
  "## Error Handling": errorHandling,
  "## Validation Gates": validationGates,
  "## MCP Tools Used": mcpTools,
  "## Tool Sequences": toolSequences,
  "## Error Recovery": errorRecovery,
  "## Prerequisites": prerequisites,
  "## Analysis Method": analysisMethod,
  "## Input Requirements": inputRequirements,
  "## Interpretation Guidelines": interpretation,
};

/** The markdown of a required section; an unknown heading gets a short section built from the plan's outline. */
export function writeSection(heading: string, ctx: ContentContext): string {
  const writer = WRITERS[heading];
  if (writer) return writer(ctx);
  const item = ctx.plan.outline.find((o) => `## ${o.title}` === heading);
  return `${heading}\n\n${capitalise(item?.description || `Notes on ${heading.replace(/^#+\s*/, "")}.`)}`;
}

/** Category sections after which the shared Examples section is still needed (the template lacks one). */
export function needsExamples(category: SkillCategory, headings: string[]): boolean {
  return category !== "document_creation" && !headings.includes("## Examples");
}
