import { proseOf, sizeAssessment, VERBOSITY_WARNING, verbosityScore, wordCount } from "../../text-metrics";
import { isMapping } from "../../skill-md";
import type { Rule, RuleHit, Severity, SkillContext } from "../types";
import { bodyLine, keyLine, normalisedName, stringValue } from "./helpers";
import { templateCompliance } from "./templates";
import { saysWhenToUse } from "../../quality/signals";

/**
 * Quality tier, rules about SKILL.md itself. House style (a "When to Use" heading, a Quick Start, a "Use when…"
 * opening, category templates) is only ever a suggestion (info): excellent skills ignore it. The content score
 * itself is measured by quality-measured.ts.
 */

const none: RuleHit[] = [];

const rule = (id: string, severity: Severity, check: Rule["check"]): Rule => ({
  id,
  tier: "quality",
  severity,
  scope: "content",
  check,
});

const bodyOf = (ctx: SkillContext): string | null => (ctx.skillMd?.split.kind === "ok" ? ctx.skillMd.body : null);

const whenToUseSection = rule("quality/when-to-use-section", "info", (ctx) => {
  const body = bodyOf(ctx);
  if (body === null || /^##\s+When to Use\b/im.test(body)) return none;
  return [
    {
      message: "House style: a '## When to Use' section helps readers see when the skill applies",
      line: ctx.skillMd?.bodyFirstLine,
    },
  ];
});

const quickStartSection = rule("quality/quick-start-section", "info", (ctx) => {
  const body = bodyOf(ctx);
  if (body === null || /^##\s+Quick (?:Start|Examples)\b/im.test(body)) return none;
  return [
    { message: "House style: a '## Quick Start' (or '## Quick Examples') section", line: ctx.skillMd?.bodyFirstLine },
  ];
});

const codeBlock = rule("quality/code-block", "info", (ctx) => {
  const body = bodyOf(ctx);
  if (body === null || body.includes("```")) return none;
  return [
    {
      message: "No fenced code block: show at least one concrete command or snippet",
      line: ctx.skillMd?.bodyFirstLine,
    },
  ];
});

const bodyLength = rule("quality/body-length", "warning", (ctx) => {
  const body = bodyOf(ctx);
  if (body === null || body.trim().length >= 100) return none;
  return [
    {
      message: `The body is very brief (${body.trim().length} characters); the instructions are the skill`,
      line: ctx.skillMd?.bodyFirstLine,
    },
  ];
});

// The reference's trigger indicators, matched at a word start so "task" or "essay" do not count as "ask"/"say".
const TRIGGER_INDICATORS = /\b(?:use when|for when|trigger|activate|if user|when user|for user|mention|ask|say)/i;

const useWhenTrigger = rule("quality/use-when-trigger", "info", (ctx) => {
  const description = stringValue(ctx, "description");
  if (description === null || description.trim() === "") return none;
  // Also "Use before …", "You MUST use this when …", "Invoke for …": the forms the content model reads as "when".
  if (TRIGGER_INDICATORS.test(description) || saysWhenToUse(description)) return none;
  return [
    {
      message: "House style: say when to use the skill in the description, e.g. 'Use when…'",
      line: keyLine(ctx, "description"),
    },
  ];
});

const VAGUE_WORDS = new Set([
  "helper",
  "helpers",
  "util",
  "utils",
  "utility",
  "utilities",
  "tool",
  "tools",
  "misc",
  "stuff",
  "thing",
  "things",
  "general",
  "generic",
  "common",
  "skill",
  "skills",
  "my",
  "new",
  "test",
  "data",
  "file",
  "files",
  "document",
  "documents",
  "assistant",
  "agent",
  "manager",
  "handler",
  "processor",
  "do",
  "it",
  "various",
]);

const vagueName = rule("quality/vague-name", "warning", (ctx) => {
  const name = normalisedName(ctx);
  if (name === null || !name.split("-").every((word) => VAGUE_WORDS.has(word))) return none;
  return [
    {
      message: `Skill name '${name}' is vague: name the capability (e.g. 'processing-pdfs', not 'helper')`,
      line: keyLine(ctx, "name"),
    },
  ];
});

const templateRule = rule("quality/template-compliance", "info", (ctx) => {
  const metadata = ctx.skillMd?.frontmatter?.metadata;
  const category = isMapping(metadata) && typeof metadata.category === "string" ? metadata.category : null;
  const body = bodyOf(ctx);
  const result = category === null || body === null ? null : templateCompliance(category, body);
  if (!result || result.compliant) return none;
  const missing = [...result.missingHeadings, ...result.missingElements.map((element) => `(${element})`)].join(", ");
  return [
    {
      message: `House style: the '${category}' template's sections (${Math.round(result.score * 100)}% present); missing: ${missing}`,
      line: keyLine(ctx, "metadata"),
    },
  ];
});

const wordCountRule = rule("quality/word-count", "warning", (ctx) => {
  const text = ctx.skillMd?.text;
  const words = text === undefined ? 0 : wordCount(text);
  if (sizeAssessment(words) !== "too_large") return none;
  return [{ message: `SKILL.md is ${words} words (recommended: under 5000); move detail to references/` }];
});

const verbosity = rule("quality/verbosity", "warning", (ctx) => {
  // Code is not prose: dots in `pd.read_csv` would otherwise split it into many short "sentences".
  const text = bodyOf(ctx);
  const score = text === null ? 0 : verbosityScore(proseOf(text));
  if (score <= VERBOSITY_WARNING) return none;
  return [
    {
      message: `Prose is verbose (score ${score.toFixed(2)} > ${VERBOSITY_WARNING}): shorter sentences, bullet points, no filler phrases`,
      line: bodyLine(ctx, /\S/),
    },
  ];
});

export const qualityContentRules: Rule[] = [
  whenToUseSection,
  quickStartSection,
  codeBlock,
  bodyLength,
  useWhenTrigger,
  vagueName,
  templateRule,
  wordCountRule,
  verbosity,
];
