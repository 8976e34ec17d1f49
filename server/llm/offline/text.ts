/**
 * Text handling for the offline engine: it works from the user's own words, so it needs to split a task into
 * sentences, words and short noun-ish phrases in any language, without markdown or code getting in the way.
 */
const FENCE = /(`{3,}|~{3,})([^\n`]*)\n([\s\S]*?)\n?\1/g;

export interface CodeBlock {
  language: string;
  code: string;
}

/** Fenced code blocks the user pasted into the task, in order. */
export function codeBlocks(text: string): CodeBlock[] {
  return [...text.matchAll(FENCE)].map((match) => ({
    language: (match[2] ?? "").trim().split(/\s+/)[0] ?? "",
    code: (match[3] ?? "").trimEnd(),
  }));
}

/** The prose of a markdown text: code blocks, inline code markers, links, images, emphasis and HTML removed. */
export function plainProse(text: string): string {
  return text
    .normalize("NFKC")
    .replace(FENCE, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/<[^>]{0,200}>/g, " ")
    .replace(/[<>]/g, " ")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/^\s{0,3}(#{1,6}|[-*+]|\d+[.)]|>)\s+/gm, "")
    .replace(/(\*\*|__|\*|_|~~)(\S[^*_~]*?\S|\S)\1/g, "$2")
    .replace(/[ \t]+/g, " ")
    .trim();
}

/** Sentences of prose (also split on line breaks, which separate list items in a task). */
export function sentences(prose: string): string[] {
  return prose
    .split(/(?<=[.!?。！？])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

const WORD = /[\p{L}\p{N}]+(?:[.+#'’-][\p{L}\p{N}]+)*[+#]*/gu;

/** Lowercase word tokens with their position; keeps tech spellings like node.js, c++, c#, gpt-4. */
export function words(text: string): string[] {
  return [...text.toLowerCase().matchAll(WORD)].map((m) => m[0].replace(/[.'’]+$/, ""));
}

/** Short stable hash (base 36) for names that cannot be built from ASCII words. */
export function shortHash(text: string): string {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619) >>> 0;
  return hash.toString(36).padStart(6, "0").slice(0, 6);
}

/** Cuts text at a word boundary so it fits `max` characters (adds an ellipsis when it cut). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const boundary = cut.lastIndexOf(" ");
  return `${(boundary > max * 0.6 ? cut.slice(0, boundary) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a, b and c" */
export function listPhrase(items: string[], conjunction = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

export function unique<T>(items: T[], key: (item: T) => string = String): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Sentences that try to instruct the model rather than describe the task (prompt injection). */
const INJECTION = [
  /\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|prompts?|rules|above|previous|prior)\b/i,
  /\b(system|hidden|initial)\s+prompt\b/i,
  /\byou are now\b/i,
  /\b(reveal|print|show|repeat|output)\b.{0,30}\b(instructions|prompt|secrets?|api keys?)\b/i,
];

export function isInjection(sentence: string): boolean {
  return INJECTION.some((pattern) => pattern.test(sentence));
}
