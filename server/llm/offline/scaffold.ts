import { metadataRecord, type Clarification, type Plan, type Understanding } from "../steps/schemas";
import { analyseTask } from "./analysis";
import { scaffoldLanguage, type ScaffoldLanguage } from "./language";
import { bullets, checklist, fence, frontmatter, numbered } from "./markdown";
import { REQUESTED_SECTION, reviewNotes } from "./plan";
import { SCAFFOLD_STRINGS, type ScaffoldStrings } from "./scaffold-strings";
import { subjectWords } from "./subject";
import { capitalise, clip, words } from "./text";

/**
 * generateContent, offline: an honest scaffold. It holds the structure a skill of this kind needs, the user's own
 * words (task, answers, rules, review notes), the related skills of the library, and a "[FILL IN: …]" wherever
 * expertise is needed that the offline engine does not have. It never invents commands or examples, and the
 * validator recognises the markers, so a scaffold never passes as finished work.
 */
type Goal = "explain" | "workflow" | "review" | "produce" | "tools";
type Level = Understanding["targetLevel"];

interface ScaffoldContext {
  plan: Plan;
  understanding: Understanding;
  strings: ScaffoldStrings;
  language: ScaffoldLanguage;
  topics: string[];
  goal: Goal;
  level: Level;
}

const GOAL_BY_CATEGORY: Record<Plan["skillCategory"], Goal> = {
  analysis: "review",
  document_creation: "produce",
  mcp_enhancement: "tools",
  workflow_automation: "workflow",
  other: "workflow",
};

/** What the answers say the skill is for: they choose the main section, they do not become its title. */
function goalFrom(answers: Clarification[], category: Plan["skillCategory"]): Goal {
  const text = answers.map((a) => a.answer.toLowerCase()).join(" ");
  if (/\b(?:explain|concepts?)\b/.test(text)) return "explain";
  if (/\b(?:review|analy[sz]e|audit)\b/.test(text)) return "review";
  if (/\b(?:produce|document|file|report)\b/.test(text)) return "produce";
  if (/\b(?:workflow|step-by-step|steps?)\b/.test(text)) return "workflow";
  return GOAL_BY_CATEGORY[category];
}

function levelFrom(answers: Clarification[], level: Level): Level {
  const text = answers.map((a) => a.answer.toLowerCase()).join(" ");
  if (/\bbeginners?\b/.test(text)) return "beginner";
  if (/\bexperts?\b/.test(text)) return "advanced";
  if (/\bpractitioners?\b/.test(text)) return "intermediate";
  return level;
}

function contextFor(plan: Plan, understanding: Understanding): ScaffoldContext {
  const answers = understanding.clarifications ?? [];
  const language = scaffoldLanguage(understanding.taskDescription);
  const topics = understanding.topics.filter((t) => t !== "general").slice(0, 4);
  return {
    plan,
    understanding,
    strings: SCAFFOLD_STRINGS[language],
    language,
    topics: topics.length ? topics : [plan.name.replace(/-/g, " ")],
    goal: goalFrom(answers, plan.skillCategory),
    level: levelFrom(answers, understanding.targetLevel),
  };
}

function title(ctx: ScaffoldContext): string {
  const subject = subjectWords(ctx.understanding.taskDescription);
  return capitalise(subject.length ? subject.join(" ") : ctx.plan.name.replace(/-/g, " "));
}

/** The request quoted in the user's words, without sentences that try to instruct the model (prompt injection). */
function quoted(task: string): string {
  const prose = analyseTask(task).sentences.join(" ") || task;
  return `> ${clip(prose.replace(/\s+/g, " ").trim(), 600)}`;
}

/** The user's own words: the task, the answers, the rules it states, and review notes. */
function requestSection(ctx: ScaffoldContext): string {
  const { strings, understanding, plan } = ctx;
  const answers = (understanding.clarifications ?? []).map((a) =>
    a.question ? `${a.question} ${a.answer}` : a.answer,
  );
  const parts = [`## ${strings.request}`, quoted(understanding.taskDescription), strings.audience[ctx.level]];
  if (answers.length) parts.push(`${strings.answers}:\n\n${bullets(answers.map((a) => clip(a, 300)))}`);
  if (understanding.constraints.length)
    parts.push(`${strings.rules}:\n\n${bullets(understanding.constraints.slice(0, 5))}`);
  const notes = reviewNotes(plan);
  if (notes.length) parts.push(`${strings.review}:\n\n${bullets(notes)}`);
  return parts.join("\n\n");
}

/** Library skills that overlap with the task, linked by id with the words they share. */
function relatedSection(ctx: ScaffoldContext): string | null {
  const related = ctx.understanding.dependencies?.complementarySkills ?? [];
  if (related.length === 0) return null;
  const taskWords = new Set(words(ctx.understanding.taskDescription).map((w) => w.replace(/s$/, "")));
  const lines = related.slice(0, 5).map((entry) => {
    const id = entry.split(":")[0]?.trim() ?? entry;
    const shared = id.split(/[/_-]/).filter((part) => taskWords.has(part.replace(/s$/, "")));
    return ctx.strings.relatedLine(id, shared.length ? `"${[...new Set(shared)].join('", "')}"` : "its topic");
  });
  return `## ${ctx.strings.related}\n\n${bullets(lines)}`;
}

function whenToUse(ctx: ScaffoldContext): string {
  const triggers = ctx.plan.triggerPhrases.slice(0, 5).map((t) => `"${t.replace(/"/g, "'")}"`);
  return `## ${ctx.strings.whenToUse}\n\n${bullets(triggers.length ? triggers : ctx.topics)}`;
}

/** The main section, shaped by the goal; one marked place per topic (topics are the user's words). */
function mainSection(ctx: ScaffoldContext): string {
  const { strings, topics } = ctx;
  const fill = strings.fill;
  switch (ctx.goal) {
    case "explain":
      return `## ${strings.concepts}\n\n${bullets(topics.map((t) => `**${t}**: ${fill.concept(t)}`))}`;
    case "review":
      return `## ${strings.checklist}\n\n${checklist(topics.map(fill.checklistItem))}`;
    case "produce":
      return `## ${strings.outputFormat}\n\n${fill.output(topics[0] ?? "")}\n\n## ${strings.steps}\n\n${numbered(topics.map(fill.step))}`;
    case "tools":
      return `## ${strings.toolCalls}\n\n${numbered(topics.map(fill.toolCall))}`;
    case "workflow":
      return `## ${strings.steps}\n\n${numbered(topics.flatMap((t, i) => (i === 0 ? [fill.step(t), fill.check(t)] : [fill.step(t)])))}`;
  }
}

function exampleSection(ctx: ScaffoldContext): string {
  const code = analyseTask(ctx.understanding.taskDescription).codeBlocks[0];
  const starter = code ? `\n\n${ctx.strings.starter}\n\n${fence(clip(code.code, 2000), code.language)}` : "";
  return `## ${ctx.strings.example}\n\n${ctx.strings.fill.example(ctx.topics[0] ?? "")}${starter}`;
}

/** Sections the reviewer asked for ("add a section on rollback drills"), each a marked place to fill. */
function requestedSections(ctx: ScaffoldContext): string[] {
  return ctx.plan.outline
    .filter((item) => item.description === REQUESTED_SECTION)
    .map((item) => `## ${item.title}\n\n${ctx.strings.fill.section(item.title.toLowerCase())}`);
}

export interface GeneratedContent {
  skillContent: string;
  sectionsGenerated: string[];
  codeExamplesCount: number;
  estimatedReadingTime: number;
  reasoning: string;
}

export function offlineContent(plan: Plan, understanding: Understanding): GeneratedContent {
  const ctx = contextFor(plan, understanding);
  const sections = [
    `# ${title(ctx)}\n\n> ${ctx.strings.note}`,
    requestSection(ctx),
    relatedSection(ctx),
    whenToUse(ctx),
    mainSection(ctx),
    ...requestedSections(ctx),
    exampleSection(ctx),
    `## ${ctx.strings.pitfalls}\n\n${bullets(ctx.topics.slice(0, 2).map(ctx.strings.fill.pitfall))}`,
  ].filter((section): section is string => section !== null);
  const skillContent = `${frontmatter(plan.name, plan.description, metadataRecord(plan.metadata))}\n${sections.join("\n\n")}\n`;
  return {
    skillContent,
    sectionsGenerated: [...skillContent.matchAll(/^##\s+(.+)$/gm)].map((m) => m[1] ?? ""),
    codeExamplesCount: Math.floor((skillContent.match(/^`{3,}/gm) ?? []).length / 2),
    estimatedReadingTime: Math.max(1, Math.round(skillContent.split(/\s+/).length / 200)),
    reasoning: `Offline scaffold (${ctx.language}): the ${ctx.goal} structure for this request, its own words, related library skills and marked places to fill.`,
  };
}
