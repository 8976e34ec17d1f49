import type { BodyLine, CodeBlock } from "../body";
import { drawsALine, processRulesIn } from "../process";
import { clamp01, dimension, quote } from "../evidence";
import { concreteMarkers, residueIn } from "../signals";
import type { DimensionScore, Evidence, QualityContext } from "../types";
import { isDomainTerm, wordsOf } from "../words";
import { lineFacts } from "./specificity";

/**
 * Examples: do the skill's examples exercise its domain? A code block (in SKILL.md or a doc it points to) scores
 * by the distinct specific tokens it uses (identifiers, flags, paths, API names that are not everyday words),
 * minus toy content (`foo`, `print("Hello, world!")`, `# do something`, placeholders). Prose examples with
 * concrete values ("e.g. `--repeat 50`", "#F4F1EA") count when there is no code. No example at all is neutral
 * (0.5): many good skills teach without one, but none gets credit it has not earned.
 */

const TOKENS_FOR_FULL = 8;
const NO_EXAMPLE = 0.5;
const PROSE_EXAMPLES_ONLY = 0.75;

const TOY =
  /\b(?:foo|bar|baz|qux|hello,? world|lorem|my_?function|my_?var\w*|do_?something|something here|steps? here|code here|your code)\b|^\s*[a-z]\s*=\s*\d+\s*$|^\s*(?:\.\.\.|…|pass)\s*$/i;
const TOKEN = /[A-Za-z_][\w./-]{2,}|--?[a-zA-Z][\w-]+|\b\d+(?:\.\d+)+\b/g;

/** A token that only someone who knows the domain would write: not an everyday word. */
function isSpecificToken(token: string): boolean {
  if (/^--?[a-zA-Z]/.test(token) || /[._/]/.test(token.slice(1)) || /[a-z][A-Z]/.test(token)) return true;
  return isDomainTerm(token.toLowerCase());
}

interface BlockScore {
  score: number;
  tokens: number;
  toy: boolean;
  block: CodeBlock;
  file: string;
}

function scoreBlock(block: CodeBlock, file: string): BlockScore {
  const code = block.code.filter((line) => line.trim() !== "");
  const tokens = new Set(code.flatMap((line) => line.match(TOKEN) ?? []).filter(isSpecificToken));
  const toyLines = code.filter((line) => TOY.test(line) || residueIn(line, "code").length > 0).length;
  const toyShare = toyLines / Math.max(1, code.length);
  // A one-line command needs fewer tokens than a program to show real use: the bar grows with the block.
  const target = Math.min(TOKENS_FOR_FULL, 2 + 2 * code.length);
  const score = clamp01(tokens.size / target) * (1 - toyShare);
  return { score, tokens: tokens.size, toy: toyShare >= 0.25, block, file };
}

/** Code symbols: a line with none of them, in a block with no language, is prose set in a box. */
const CODE_SYMBOL = /[(){}[\]=;<>$\\/|#`@&*+]|^\s*[-.]/;

/**
 * A line of a sentence in a box: three words or more, no code symbol, not stand-in text, and either shouted
 * ("NO FIX WITHOUT A ROOT CAUSE") or in everyday words only (`pip install pandas` names tools: a command).
 */
function isBoxedSentence(line: string): boolean {
  if (CODE_SYMBOL.test(line) || TOY.test(line) || line.trim().split(/\s+/).length < 3) return false;
  const shouted = line === line.toUpperCase() && /[A-Z]/.test(line);
  return shouted || wordsOf(line).every((word) => !isDomainTerm(word));
}

/**
 * A block with no language holding only sentences is a rule set off for emphasis, not an example: it is read
 * neither as code nor as a toy.
 */
function isBoxedProse(block: CodeBlock): boolean {
  if (block.language !== "" && block.language !== "text" && block.language !== "plaintext") return false;
  const lines = block.code.filter((line) => line.trim() !== "");
  return lines.length > 0 && lines.every(isBoxedSentence);
}

function blocksOf(ctx: QualityContext): BlockScore[] {
  return [
    ...ctx.view.blocks.map((block) => scoreBlock(block, "SKILL.md")),
    ...ctx.linked.flatMap((doc) => doc.view.blocks.map((block) => scoreBlock(block, doc.file))),
  ].filter((scored) => scored.block.code.some((line) => line.trim() !== "") && !isBoxedProse(scored.block));
}

function blockEvidence(scored: BlockScore): Evidence {
  const first = scored.block.code.find((line) => line.trim() !== "") ?? "";
  const evidence: Evidence = {
    effect: scored.score >= 0.5 ? "+" : "-",
    line: scored.block.line,
    quote: quote(first),
    note: scored.toy
      ? "a toy example: placeholder or stand-in content"
      : `${scored.tokens} specific tokens (identifiers, flags, APIs)`,
  };
  if (scored.file !== "SKILL.md") evidence.file = scored.file;
  return evidence;
}

/** Lines that give a concrete example in prose ("e.g. `ruff check --fix`", "like \"Save changes\""). */
function proseExamples(ctx: QualityContext): number {
  return ctx.instructions.filter(
    ({ line }) =>
      /\b(?:e\.g\.|for example|for instance|example:|such as|like)\b/i.test(line.text) &&
      concreteMarkers(line.text).some((id) => id !== "proper name"),
  ).length;
}

/** Specific things a dialogue must name to teach something ("Great! What should it do?" names nothing). */
const DIALOGUE_SPECIFICS = 3;

/** Does an exchange name things (domain terms, markers, counts, rules), as a worked example would? */
function isSubstantive(ctx: QualityContext, exchange: BodyLine[]): boolean {
  const named = new Set<string>();
  for (const line of exchange) {
    const facts = lineFacts(ctx, line.text);
    facts.terms.forEach((term) => named.add(term));
    facts.markers.filter((id) => id !== "proper name").forEach((id) => named.add(`${line.line}:${id}`));
    processRulesIn(line.text).forEach((rule) => named.add(`${line.line}:${rule}`));
    // A turn that draws a line ("Not in this change: every caller …") decides something, as a rule does.
    if (drawsALine(line.text)) named.add(`${line.line}:bound`);
  }
  return named.size >= DIALOGUE_SPECIFICS;
}

export function examples(ctx: QualityContext): DimensionScore {
  const scored = blocksOf(ctx);
  if (scored.length === 0) {
    const prose = proseExamples(ctx);
    const dialogue = ctx.exchanges.filter((exchange) => isSubstantive(ctx, exchange)).length;
    // A dialogue exchange shows a whole conversation (what is asked, what to answer): worth two prose examples.
    const score = prose + 2 * dialogue >= 2 ? PROSE_EXAMPLES_ONLY : NO_EXAMPLE;
    const summary = `no code examples; ${prose} concrete examples in prose, ${dialogue} dialogue examples`;
    return dimension("examples", score, summary, {
      earned: [],
      lost: [],
    });
  }
  const ranked = [...scored].sort((a, b) => b.score - a.score);
  const best = ranked[0]?.score ?? 0;
  const mean = scored.reduce((sum, s) => sum + s.score, 0) / scored.length;
  const toys = scored.filter((s) => s.toy).length;
  const summary = `${scored.length} code examples, ${toys} of them toys; the best uses ${ranked[0]?.tokens ?? 0} specific tokens`;
  return dimension("examples", 0.5 * best + 0.5 * mean, summary, {
    earned: ranked.filter((s) => s.score >= 0.5).map(blockEvidence),
    lost: ranked
      .filter((s) => s.score < 0.5)
      .reverse()
      .map(blockEvidence),
  });
}
