import type { Plan, Understanding } from "../steps/schemas";
import { templateFor } from "../templates";
import { contentContext, type ContentContext } from "./content-context";
import { requestExample } from "./content-examples";
import { needsExamples, writeSection } from "./content-sections";
import { bullets, checklist, frontmatter, numbered } from "./markdown";

/** generateContent, offline: a complete SKILL.md with the category's sections and the user's topics in them. */
const PRINCIPLE: Record<string, string> = {
  document_creation:
    "Decide the structure first, then write; check the result against the checklist before handing it over.",
  workflow_automation: "Run the steps in order and do not pass a validation gate that fails.",
  mcp_enhancement: "Read before you write, and confirm every change with the user.",
  analysis: "State the question first, then gather evidence, then judge.",
  other: "Follow the steps in order and verify each result before moving on.",
};

function overview(ctx: ContentContext): string {
  return `# ${ctx.title}\n\n${ctx.purpose} ${ctx.summary}\n\n**Core principle:** ${PRINCIPLE[ctx.plan.skillCategory] ?? PRINCIPLE.other}`;
}

function whenToUse(ctx: ContentContext): string {
  const triggers = ctx.plan.triggerPhrases.length ? ctx.plan.triggerPhrases : [`help with ${ctx.topic}`];
  const negatives = ctx.plan.negativeTriggers.length ? ctx.plan.negativeTriggers : ["requests unrelated to this topic"];
  return `## When to Use\n\nUse when the user:\n\n${bullets(triggers.slice(0, 6).map((t) => `asks for \`${t.replace(/`/g, "'")}\``))}\n\nWhen NOT to use:\n\n${bullets(negatives.slice(0, 4))}`;
}

function quickStart(ctx: ContentContext): string {
  const steps = [
    `Read the request and name the goal for ${ctx.topic} in one sentence.`,
    "Follow the instructions in the sections below, in order.",
    "Check the result against the Success Criteria.",
    "Report what was done and anything left open.",
  ];
  return `## Quick Start\n\n${numbered(steps)}\n\nFor example:\n\n${requestExample(ctx)}`;
}

function successCriteria(ctx: ContentContext): string {
  return `## Success Criteria\n\n${checklist(ctx.plan.successCriteria)}`;
}

function extraOutlineSections(ctx: ContentContext, written: string[]): string[] {
  const standard = new Set(["Overview", "When to Use", "Quick Start", "Success Criteria"]);
  return ctx.plan.outline
    .filter(
      (item) =>
        !standard.has(item.title) &&
        !written.includes(`## ${item.title}`) &&
        item.description === "requested in review feedback",
    )
    .map(
      (item) =>
        `## ${item.title}\n\n${bullets([`Cover ${item.title} as the reviewer asked.`, `Connect it to ${ctx.topic} with a short example.`])}`,
    );
}

export interface GeneratedContent {
  skillContent: string;
  sectionsGenerated: string[];
  codeExamplesCount: number;
  estimatedReadingTime: number;
  reasoning: string;
}

export function offlineContent(plan: Plan, understanding: Understanding): GeneratedContent {
  const ctx = contentContext(plan, understanding);
  const required = templateFor(plan.skillCategory).requiredSections;
  const headings = needsExamples(plan.skillCategory, required) ? [...required, "## Examples"] : required;
  const body = [
    overview(ctx),
    whenToUse(ctx),
    quickStart(ctx),
    ...headings.map((h) => writeSection(h, ctx)),
    ...extraOutlineSections(ctx, headings),
    successCriteria(ctx),
  ].join("\n\n");
  const skillContent = `${frontmatter(plan.name, plan.description, plan.metadata)}\n${body}\n`;
  return {
    skillContent,
    sectionsGenerated: [...skillContent.matchAll(/^##\s+(.+)$/gm)].map((m) => m[1] ?? ""),
    codeExamplesCount: Math.floor((skillContent.match(/^`{3,}/gm) ?? []).length / 2),
    estimatedReadingTime: Math.max(1, Math.round(skillContent.split(/\s+/).length / 200)),
    reasoning: `Offline draft following the ${plan.skillCategory} template, built from the task's topics.`,
  };
}
