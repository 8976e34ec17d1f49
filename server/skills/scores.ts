/**
 * Quality scores (reference §1.6), all pure functions of the SKILL.md text.
 * (A) the generation-time heuristic reward that drives refinement; (B) the rule-based add-ons of the
 * validation phase (word count, size assessment, verbosity, recommendations). The model's own assessment is
 * combined with these by the workflow, not here.
 */

const round = (value: number, digits: number): number => Number(value.toFixed(digits));
const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

const FENCED_BLOCK = /```[\s\S]*?```/g;
const INLINE_CODE = /`[^`\n]+`/g;
const HEADING = /^#{1,6}\s/gm;
const LIST_LINE = /^\s*(?:[-*+]|\d+\.)\s/m;

/** Whitespace-separated tokens (the reference's word count). */
export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? 0 : trimmed.split(/\s+/).length;
}

/** Prose only: fenced blocks and inline code removed. */
export function proseOf(text: string): string {
  return text.replace(FENCED_BLOCK, " ").replace(INLINE_CODE, " ");
}

/** Sentences split on `.`, `!`, `?`; empty pieces dropped. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/[.!?]/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== "");
}

function averageSentenceWords(sentences: string[]): number {
  if (sentences.length === 0) return 0;
  return sentences.reduce((sum, sentence) => sum + wordCount(sentence), 0) / sentences.length;
}

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

// ---- (A) heuristic reward ----

export function completenessScore(content: string): number {
  const lower = content.toLowerCase();
  const sections = ["instructions", "examples", "when to use"].filter((section) => lower.includes(section)).length;
  const head = content.slice(0, 500);
  const frontmatter =
    ((content.startsWith("---") ? 1 : 0) +
      (head.includes("name:") ? 0.5 : 0) +
      (head.includes("description:") ? 0.5 : 0)) /
    2;
  return (sections / 3 + frontmatter) / 2;
}

export function structureScore(content: string): number {
  const headings = content.match(HEADING) ?? [];
  const firstLevel = headings[0] ? headings[0].trim().length : Infinity;
  let score = 0;
  if (headings.length >= 3) score += 0.3;
  if (headings.length >= 5) score += 0.2;
  if (firstLevel <= 2) score += 0.2;
  if (LIST_LINE.test(content)) score += 0.3;
  return Math.min(1, round(score, 10));
}

const PASSIVE_PHRASES = ["is done", "was created", "were added", "is used"];

export function clarityScore(content: string): number {
  const prose = proseOf(content);
  const sentences = sentencesOf(prose);
  if (sentences.length === 0) return 0;
  const average = averageSentenceWords(sentences);
  const lengthScore = average <= 15 ? 1 : average <= 20 ? 0.8 : average <= 25 ? 0.6 : 0.4;
  const lower = prose.toLowerCase();
  const passive = PASSIVE_PHRASES.reduce((sum, phrase) => sum + occurrences(lower, phrase), 0);
  const passiveScore = Math.max(0, 1 - passive / sentences.length);
  return (lengthScore + passiveScore) / 2;
}

export function fencedBlockCount(text: string): number {
  return (text.match(FENCED_BLOCK) ?? []).length;
}

export function examplesScore(content: string): number {
  const blocks = fencedBlockCount(content);
  const inline = (content.replace(FENCED_BLOCK, " ").match(INLINE_CODE) ?? []).length;
  let score = 0;
  if (blocks >= 1) score += 0.3;
  if (blocks >= 2) score += 0.2;
  if (blocks >= 3) score += 0.2;
  if (inline >= 3) score += 0.15;
  if (content.toLowerCase().includes("example")) score += 0.15;
  return Math.min(1, round(score, 10));
}

export function concisenessScore(words: number): number {
  if (words < 500) return (words / 500) * 0.5;
  if (words <= 2500) return 1;
  if (words <= 5000) return 1 - ((words - 2500) / 2500) * 0.3;
  return Math.max(0.4, 0.7 - (words - 5000) / 5000);
}

export interface HeuristicReward {
  score: number;
  completeness: number;
  structure: number;
  clarity: number;
  examples: number;
  conciseness: number;
}

/** round(0.25·completeness + 0.20·structure + 0.20·clarity + 0.20·examples + 0.15·conciseness, 3). */
export function heuristicReward(content: string): HeuristicReward {
  const parts = {
    completeness: completenessScore(content),
    structure: structureScore(content),
    clarity: clarityScore(content),
    examples: examplesScore(content),
    conciseness: concisenessScore(wordCount(content)),
  };
  const weighted =
    0.25 * parts.completeness +
    0.2 * parts.structure +
    0.2 * parts.clarity +
    0.2 * parts.examples +
    0.15 * parts.conciseness;
  return { score: round(weighted, 3), ...parts };
}

// ---- (B) rule-based add-ons ----

export type SizeAssessment = "optimal" | "acceptable" | "too_large";

export const OPTIMAL_WORDS_MAX = 3000;
export const ACCEPTABLE_WORDS_MAX = 5000;
export const VERBOSITY_WARNING = 0.7;

export function sizeAssessment(words: number): SizeAssessment {
  if (words < OPTIMAL_WORDS_MAX) return "optimal";
  if (words < ACCEPTABLE_WORDS_MAX) return "acceptable";
  return "too_large";
}

const FILLERS = [
  "in order to",
  "due to the fact that",
  "at this point in time",
  "in the event that",
  "for the purpose of",
  "it is important to note that",
  "it should be noted that",
];

/** clamp(round(0.6·clamp((avgWords−10)/20) + 0.4·min(fillerRatio·5, 1), 2), 0, 1). */
export function verbosityScore(content: string): number {
  const sentences = sentencesOf(content);
  if (sentences.length === 0) return 0;
  const lengthPart = clamp((averageSentenceWords(sentences) - 10) / 20, 0, 1);
  const lower = content.toLowerCase();
  const fillers = FILLERS.reduce((sum, filler) => sum + occurrences(lower, filler), 0);
  const fillerPart = Math.min((fillers / sentences.length) * 5, 1);
  return clamp(round(0.6 * lengthPart + 0.4 * fillerPart, 2), 0, 1);
}

export function sizeRecommendations(words: number): string[] {
  const size = sizeAssessment(words);
  if (size === "too_large") {
    return [
      `Skill is ${words} words (recommended: <${ACCEPTABLE_WORDS_MAX}). Move detailed reference material to references/ and keep SKILL.md focused.`,
    ];
  }
  if (size === "acceptable") {
    return [
      `Skill is ${words} words: consider progressive disclosure (keep the essentials in SKILL.md, link details in references/).`,
    ];
  }
  return [];
}

export function concisenessRecommendations(content: string, verbosity: number): string[] {
  const advice: string[] = [];
  if (verbosity > VERBOSITY_WARNING) {
    advice.push(
      'Prose is verbose: prefer bullet points, drop filler phrases ("in order to", "it should be noted that"), move background to references/.',
    );
  } else if (verbosity > 0.5) {
    advice.push("Some sentences are long: consider bullet points for lists of steps or options.");
  }
  if (/\b(it is|there are|there is)\b/i.test(content))
    advice.push('Rewrite "it is / there is / there are" openings as direct statements.');
  return advice;
}

export interface QualityScores {
  /** The heuristic reward (A), 0–1. */
  reward: number;
  completeness: number;
  structure: number;
  clarity: number;
  examples: number;
  conciseness: number;
  wordCount: number;
  sizeAssessment: SizeAssessment;
  verbosity: number;
  recommendations: string[];
}

export function qualityScores(content: string): QualityScores {
  const reward = heuristicReward(content);
  const words = wordCount(content);
  const verbosity = verbosityScore(content);
  return {
    reward: reward.score,
    completeness: round(reward.completeness, 3),
    structure: round(reward.structure, 3),
    clarity: round(reward.clarity, 3),
    examples: round(reward.examples, 3),
    conciseness: round(reward.conciseness, 3),
    wordCount: words,
    sizeAssessment: sizeAssessment(words),
    verbosity,
    recommendations: [...sizeRecommendations(words), ...concisenessRecommendations(content, verbosity)],
  };
}
