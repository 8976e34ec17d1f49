import type { BodyLine } from "../body";
import { clamp01, dimension, EVIDENCE_PER_SIDE, keep, lineEvidence } from "../evidence";
import { residueIn } from "../signals";
import type { DimensionScore, Evidence, QualityContext } from "../types";
import { stem, wordsOf } from "../words";

/**
 * Template residue: what a template or a careless generator leaves behind. Placeholders (`your_table`,
 * `[Title]`, `{{column}}`, `<resource>`, TODO) and the offline engine's own "[FILL IN …]" markers each cost a
 * quarter point (half that inside code); so does echo, the request's own phrase or one sentence pattern repeated
 * line after line with only the topic swapped. Braces and angle brackets in code and inline code are a
 * language's syntax (Helm, GitHub Actions, Jinja, usage lines), not residue: see residueIn.
 */

const COST_PER_HIT = 0.25;
/** Echo is residue once more than this share of the lines repeat the subject or a sentence skeleton. */
const ECHO_SHARE_ALLOWED = 0.15;

/**
 * Template-language syntax in a code block: `{{ .Values.tag }}`, `{{ name | upper }}`, `{{#each}}`, `{% for %}`,
 * `${{ github.ref }}`. A bare `{{column}}` is not: that is what an unfilled template looks like.
 */
const TEMPLATE_LANGUAGE = /\{\{[-~]?\s*(?:[.#/>^!]|[\w.]+\s*\||\w+\.\w)|\{%|\$\{\{/;

/** Does the skill teach a template language? Then `{{ item }}` in its prose is that language, not residue. */
const teachesTemplating = (ctx: QualityContext): boolean =>
  ctx.view.blocks.some((block) => block.code.some((code) => TEMPLATE_LANGUAGE.test(code)));

function placeholderHits(ctx: QualityContext): { weight: number; lines: number; lost: Evidence[] } {
  const lost: Evidence[] = [];
  let weight = 0;
  let lines = 0;
  const templating = teachesTemplating(ctx);
  for (const line of ctx.view.lines) {
    if (line.kind === "blank" || line.kind === "fence") continue;
    const all = residueIn(line.raw, line.kind === "code" ? "code" : "prose");
    const found = templating ? all.filter((id) => id !== "template variable") : all;
    if (found.length === 0) continue;
    weight += (line.kind === "code" ? 0.5 : 1) * found.length;
    lines++;
    keep(lost, () => lineEvidence("-", { file: "SKILL.md", line }, `left-over template text: ${found.join(", ")}`));
  }
  return { weight, lines, lost };
}

/** The skill's own subject as a phrase ("react component testing"), when it has two words or more. */
function subjectPhrase(ctx: QualityContext): string | null {
  const words = ctx.input.name.split("-").filter(Boolean);
  return words.length >= 2 ? words.join(" ") : null;
}

/** A line with the subject's words and numbers taken out: the sentence pattern a template repeats. */
function skeleton(ctx: QualityContext, text: string): string {
  return wordsOf(text)
    .filter((word) => !ctx.subject.has(stem(word)))
    .join(" ");
}

/** Longest run of words a template swaps for the topic ("react component testing"). */
const MAX_SWAPPED_WORDS = 3;
/** A pattern is a template once this many different lines share it. */
const PATTERN_LINES = 3;

/**
 * A line's sentence patterns: its skeleton, and its skeleton with each run of one to three words taken out in
 * turn, each reduced to one number from a hash of the words before the run and one of the words after it, so a
 * swapped topic of any length gives the same key. Hashing keeps this linear in the line's length (a rare collision
 * can only join two patterns, which three different lines must then share).
 */
function patternsOf(words: string[], ids: Map<string, number>): number[] {
  const n = words.length;
  if (n < 3 || n > 16) return [];
  const id = (word: string) => ids.get(word) ?? ids.set(word, ids.size + 1).get(word) ?? 0;
  const prefix = [0];
  for (let i = 0; i < n; i++) prefix.push((Math.imul(prefix[i] ?? 0, 31) + id(words[i] ?? "")) >>> 0);
  const suffix = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) suffix[i] = (Math.imul(suffix[i + 1] ?? 0, 37) + id(words[i] ?? "")) >>> 0;
  const key = (start: number, end: number) =>
    (Math.imul((prefix[start] ?? 0) ^ Math.imul(start + 1, 0x9e3779b1), 0x85ebca6b) ^ (suffix[end] ?? 0)) >>> 0;
  // The whole skeleton too: lines that differ only in numbers or the subject's own words ("check column 3 …").
  const patterns = [key(n, n) ^ 0x5bd1e995];
  // At least two words must stay, or every short line would share the empty pattern.
  for (let size = 1; size <= Math.min(MAX_SWAPPED_WORDS, n - 2); size++)
    for (let start = 0; start + size <= n; start++) patterns.push(key(start, start + size));
  return patterns;
}

/** Lines that share a sentence pattern with at least two other different lines. */
function patternedLines(ctx: QualityContext, lines: BodyLine[]): Set<BodyLine> {
  const byPattern = new Map<number, BodyLine[]>();
  const texts = new Set<string>();
  const ids = new Map<string, number>();
  for (const line of lines) {
    // A line repeated word for word is not a template (only the first copy takes part), and a table's rows share
    // their shape by design.
    if (texts.has(line.text) || line.kind === "table") continue;
    texts.add(line.text);
    for (const pattern of new Set(patternsOf(skeleton(ctx, line.text).split(" ").filter(Boolean), ids))) {
      const group = byPattern.get(pattern);
      if (group) group.push(line);
      else byPattern.set(pattern, [line]);
    }
  }
  const found = new Set<BodyLine>();
  for (const group of byPattern.values()) if (group.length >= PATTERN_LINES) group.forEach((line) => found.add(line));
  return found;
}

/** Copies beyond this many of one line are padding, not emphasis. */
const MAX_COPIES = 2;

function echoLines(ctx: QualityContext, lines: BodyLine[]): BodyLine[] {
  const phrase = subjectPhrase(ctx);
  const patterned = patternedLines(ctx, lines);
  const copies = new Map<string, number>();
  for (const line of lines) copies.set(line.text, (copies.get(line.text) ?? 0) + 1);
  return lines.filter((line) => {
    const text = line.text.toLowerCase().replace(/[-_]/g, " ");
    const padding = (copies.get(line.text) ?? 0) > MAX_COPIES;
    return (phrase !== null && text.includes(phrase)) || patterned.has(line) || padding;
  });
}

function echoCost(ctx: QualityContext): { weight: number; lost: Evidence[]; share: number } {
  const lines = ctx.view.content.filter((line) => wordsOf(line.text).length >= 4);
  const echoes = echoLines(ctx, lines);
  const echoShare = echoes.length / Math.max(1, lines.length);
  if (echoShare <= ECHO_SHARE_ALLOWED) return { weight: 0, lost: [], share: echoShare };
  const lost = echoes
    .slice(0, EVIDENCE_PER_SIDE)
    .map((line) =>
      lineEvidence("-", { file: "SKILL.md", line }, "repeats the request or a sentence pattern with the topic swapped"),
    );
  return { weight: (echoShare - ECHO_SHARE_ALLOWED) * 10, lost, share: echoShare };
}

export function templateResidue(ctx: QualityContext): DimensionScore {
  const placeholders = placeholderHits(ctx);
  const echo = echoCost(ctx);
  const score = clamp01(1 - COST_PER_HIT * (placeholders.weight + echo.weight));
  const summary = `${placeholders.lines} lines with placeholders or markers; ${Math.round(echo.share * 100)}% of the lines echo the subject or repeat a sentence pattern`;
  return dimension("templateResidue", score, summary, { earned: [], lost: [...placeholders.lost, ...echo.lost] });
}
