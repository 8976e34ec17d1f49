/**
 * Plain text metrics of a SKILL.md: word count, size band, verbosity of the prose, fenced block count. They feed
 * the size and verbosity rules and the preview's facts; the content-quality judgement is server/skills/quality.
 */

const round = (value: number, digits: number): number => Number(value.toFixed(digits));
const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

const FENCED_BLOCK = /```[\s\S]*?```/g;
const INLINE_CODE = /`[^`\n]+`/g;

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

export function fencedBlockCount(text: string): number {
  return (text.match(FENCED_BLOCK) ?? []).length;
}
