import type { Clarification, Requirements } from "../steps/schemas";
import { templateFor } from "../templates";
import { analyseTask, type TaskFacts } from "./analysis";
import { describeSkill, kebab, skillNameFrom } from "./naming";
import { subjectWords } from "./subject";
import { capitalise, clip, listPhrase, unique } from "./text";

/**
 * Too little to build a useful skill from: no topic, or fewer than three content words and nothing concrete (no
 * technology, no code). "writing Helm charts" names a technology and is clear; "help me with stuff" is not.
 */
export function isVague(facts: TaskFacts): boolean {
  if (facts.topics.length === 0) return true;
  return facts.techTerms.length === 0 && facts.codeBlocks.length === 0 && facts.contentWordCount < 3;
}

/** A readable kebab-case subject ("debugging-flaky-playwright-tests"), else one built from the topics. */
function nameFor(task: string, topics: string[], noun: string): string {
  const subject = kebab(subjectWords(task).join(" "), 6);
  if (subject.includes("-")) return subject;
  return skillNameFrom(subject ? [subject, ...topics] : topics, noun, task);
}

function ambiguitiesOf(facts: TaskFacts): string[] {
  const found: string[] = [];
  if (facts.techTerms.length === 0) found.push("Which tool, language or platform the skill is for is not stated.");
  found.push(
    "What the skill should help the user do (explain, follow a workflow, review work, produce a document) is unclear.",
  );
  found.push("Who will use the skill and how much they already know is not stated.");
  return found.slice(0, 3);
}

const PREAMBLE =
  /^(?:please\s+)?(?:(?:can|could|would) you\s+)?(?:write|create|make|build|generate|draft|design|i need|i want|we need|give me|help me (?:with|to)?)\s+(?:me\s+|us\s+)?(?:a|an|the|some)?\s*(?:new\s+)?(?:agent\s+)?(?:skills?|guide|assistant)?\s*(?:for|that|to|which|about|on|covering|to help(?: with)?)?\s*/i;

/** One sentence in the user's words that says what the task is about ("Write a skill for X" → "Covers X."). */
export function taskSummary(facts: TaskFacts): string {
  const first = facts.sentences.find((s) => s.split(/\s+/).length >= 3) ?? facts.sentences[0];
  if (!first) return "Covers the request and the code supplied with it.";
  const rest = first.replace(PREAMBLE, "");
  const core = rest !== first && rest.length > 3 ? `Covers ${rest}` : first;
  const sentence = capitalise(
    clip(
      core
        .replace(/[<>]/g, " ")
        .replace(/\s+([.,;:!?])/g, "$1")
        .replace(/\s+/g, " "),
      240,
    ),
  );
  return /[.!?。！？…]$/.test(sentence) ? sentence : `${sentence}.`;
}

const NEGATIVE_BY_CATEGORY: Record<string, string> = {
  document_creation: "analysing data without producing a document",
  workflow_automation: "one-off questions that need no repeatable process",
  mcp_enhancement: "tasks that do not use an MCP server or external tool",
  analysis: "writing new content from scratch with nothing to analyse",
  other: "questions about unrelated technologies or topics",
};

function triggersOf(facts: TaskFacts, noun: string): string[] {
  const [first = "this task", second] = facts.topics;
  const phrases = [
    ...facts.topics.slice(0, 3),
    `help me with ${first}`,
    `${first} ${noun}`,
    second ? `${first} and ${second}` : `how do I handle ${first}`,
  ];
  return unique(phrases.map((p) => clip(p, 80))).slice(0, 7);
}

function negativesOf(facts: TaskFacts): string[] {
  const about = listPhrase(facts.topics.slice(0, 2), "or") || "this task";
  return [
    `general trivia or history about ${facts.topics[0] ?? "the topic"}`,
    `requests unrelated to ${about}`,
    NEGATIVE_BY_CATEGORY[facts.category] ?? NEGATIVE_BY_CATEGORY.other ?? "",
  ];
}

/** gatherRequirements, offline: structured requirements from the task's own words. */
export function offlineRequirements(task: string, clarifications: Clarification[] = []): Requirements {
  const facts = analyseTask(task, clarifications);
  const template = templateFor(facts.category);
  const vague = clarifications.length === 0 && isVague(facts);
  const topics = facts.topics.length ? facts.topics.slice(0, 7) : ["general"];
  return {
    domain: facts.domain,
    category: kebab(facts.techTerms[0] ?? topics[0] ?? "", 1) || "general",
    targetLevel: facts.level,
    topics,
    constraints: facts.constraints,
    ambiguities: vague ? ambiguitiesOf(facts) : [],
    description: describeSkill(topics, taskSummary(facts)),
    suggestedSkillName: nameFor(task, topics, template.noun),
    triggerPhrases: triggersOf(facts, template.noun),
    negativeTriggers: negativesOf(facts),
    skillCategory: facts.category,
    requiresMcp: facts.category === "mcp_enhancement",
    suggestedMcpServer: facts.mcpServer,
    reasoning: `Offline analysis of the task's words: ${facts.contentWordCount} distinct content words, topics ${listPhrase(topics.slice(0, 3))}, category ${facts.category}${vague ? "; too vague to plan without clarification" : ""}.`,
  };
}

/** The reference's deterministic fallback generator (§2.1 step 1a): first five distinct words as topics. */
export function fallbackRequirements(task: string): Requirements {
  const words = unique((task.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []).slice(0, 50)).slice(0, 5);
  const topics = words.length ? words : ["general"];
  const name = topics.slice(0, 4).join("-").slice(0, 60).replace(/-+$/, "") || "unnamed-skill";
  return {
    domain: "technical",
    category: "general",
    targetLevel: "intermediate",
    topics,
    constraints: [],
    ambiguities: [],
    description: `Use when user asks about: ${topics.slice(0, 3).join(", ")}.`,
    suggestedSkillName: /^[a-z]/.test(name) ? name : "unnamed-skill",
    triggerPhrases: [task.slice(0, 50)],
    negativeTriggers: [],
    skillCategory: "other",
    requiresMcp: false,
    suggestedMcpServer: "",
    reasoning: "fallback: the model did not answer, requirements derived from the task's first words",
  };
}
