import type { Clarification, SkillCategory } from "../steps/schemas";
import { codeBlocks, isInjection, plainProse, sentences, unique, words, type CodeBlock } from "./text";
import {
  CATEGORY_KEYWORDS,
  COGNITIVE_WORDS,
  GENERIC_WORDS,
  LEVEL_KEYWORDS,
  MCP_SERVERS,
  STOP_WORDS,
  TECH_LANGUAGE,
} from "./vocabulary";

/** What the offline engine understands of a task: everything later steps build on, from the user's words only. */
export interface TaskFacts {
  /** The task's prose, without code, markdown or sentences that try to instruct the model. */
  prose: string;
  sentences: string[];
  topics: string[];
  techTerms: string[];
  codeBlocks: CodeBlock[];
  contentWordCount: number;
  category: SkillCategory;
  level: "beginner" | "intermediate" | "advanced" | "expert";
  domain: "technical" | "cognitive" | "domain_knowledge" | "tool" | "meta";
  constraints: string[];
  mcpServer: string;
}

const isContentWord = (word: string): boolean =>
  !STOP_WORDS.has(word) &&
  !GENERIC_WORDS.has(word) &&
  (word.length >= 3 || word in TECH_LANGUAGE) &&
  !/^\d+$/.test(word);

/** Runs of consecutive content words in a sentence: "Python pull requests", "security issues". */
function phrasesOf(sentence: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const word of words(sentence)) {
    if (isContentWord(word)) {
      run.push(word);
    } else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs.map((r) => r.slice(-4));
}

/** A technology name, also inside a hyphenated word (docker-container). */
const isTech = (word: string): boolean =>
  word in TECH_LANGUAGE || word.split("-").some((part) => part in TECH_LANGUAGE);

const stem = (word: string): string => word.replace(/(ing|ies|es|s)$/, "");

/** Topic phrases ranked by how often their words occur, with a bonus for technology names and early mentions. */
function rankTopics(sentenceList: string[]): string[] {
  const counts = new Map<string, number>();
  for (const word of sentenceList.flatMap(words).filter(isContentWord))
    counts.set(stem(word), (counts.get(stem(word)) ?? 0) + 1);
  const scored = sentenceList.flatMap(phrasesOf).map((phrase, index) => ({
    phrase: phrase.join(" "),
    key: phrase.map(stem).sort().join(" "),
    score:
      Math.max(...phrase.map((w) => (counts.get(stem(w)) ?? 0) + (isTech(w) ? 2 : 0))) +
      0.2 * (phrase.length - 1) -
      index * 0.3,
  }));
  return unique(
    scored.sort((a, b) => b.score - a.score),
    (s) => s.key,
  )
    .map((s) => s.phrase)
    .slice(0, 6);
}

function categoryOf(tokens: string[]): SkillCategory {
  const hits = Object.entries(CATEGORY_KEYWORDS).map(([category, keys]) => ({
    category,
    hits: tokens.filter((t) => keys.includes(t)).length,
  }));
  const best = hits.sort((a, b) => b.hits - a.hits)[0];
  return best && best.hits > 0 ? (best.category as SkillCategory) : "other";
}

function levelOf(tokens: string[]): TaskFacts["level"] {
  for (const level of ["expert", "advanced", "beginner"] as const)
    if (tokens.some((t) => LEVEL_KEYWORDS[level].includes(t))) return level;
  return "intermediate";
}

function domainOf(tokens: string[], techTerms: string[], category: SkillCategory): TaskFacts["domain"] {
  if (tokens.includes("skill") && (tokens.includes("skills") || tokens.includes("agent"))) return "meta";
  if (category === "mcp_enhancement") return "tool";
  if (techTerms.length > 0) return "technical";
  if (tokens.some((t) => COGNITIVE_WORDS.includes(t))) return "cognitive";
  return "domain_knowledge";
}

const CONSTRAINT =
  /\b(must|should|never|always|only|avoid|without|do not|don't|no more than|at most|at least|required?|need to)\b/i;

/** Reads a task (plus any answers to clarifying questions) into facts. Deterministic: same words, same facts. */
export function analyseTask(task: string, clarifications: Clarification[] = []): TaskFacts {
  const answers = clarifications.map((c) => c.answer).filter((a) => a.trim().length > 0);
  const fullText = [task, ...answers].join("\n");
  const sentenceList = sentences(plainProse(fullText)).filter((s) => !isInjection(s));
  const tokens = sentenceList.flatMap(words);
  const blocks = codeBlocks(task);
  const techTerms = unique(
    [...tokens.flatMap((t) => [t, ...t.split("-")]), ...blocks.map((b) => b.language.toLowerCase())].filter(
      (t) => t in TECH_LANGUAGE,
    ),
  );
  const category = categoryOf(tokens);
  const constraints = sentenceList.filter((s) => CONSTRAINT.test(s)).slice(0, 5);
  // Topics come from what the task is about; rule sentences ("must never …") stay rules unless they are all there is.
  const topicSentences = sentenceList.filter((s) => !constraints.includes(s));
  return {
    prose: sentenceList.join(" "),
    sentences: sentenceList,
    topics: rankTopics(topicSentences.length ? topicSentences : sentenceList),
    techTerms,
    codeBlocks: blocks,
    contentWordCount: unique(tokens.filter(isContentWord)).length,
    category,
    level: levelOf(tokens),
    domain: domainOf(tokens, techTerms, category),
    constraints,
    mcpServer: category === "mcp_enhancement" ? (MCP_SERVERS.find((s) => tokens.includes(s)) ?? "") : "",
  };
}
