import type { BodyLine } from "../body";
import { clamp01, dimension, EVIDENCE_PER_SIDE, keep, lineEvidence } from "../evidence";
import { residueIn } from "../signals";
import type { DimensionScore, Evidence, QualityContext } from "../types";
import { stem, wordsOf } from "../words";

/**
 * Template residue: what a template or a careless generator leaves behind. Placeholders (`your_table`,
 * `[Title]`, `{{column}}`, `<resource>`, TODO) and the offline engine's own "[FILL IN …]" markers each cost a
 * quarter point (half that inside code, where `<arg>` syntax is common); so does echo, the request's own phrase
 * or one sentence pattern repeated line after line with only the topic swapped.
 */

const COST_PER_HIT = 0.25;
/** Echo is residue once more than this share of the lines repeat the subject or a sentence skeleton. */
const ECHO_SHARE_ALLOWED = 0.15;

function placeholderHits(ctx: QualityContext): { weight: number; lines: number; lost: Evidence[] } {
  const lost: Evidence[] = [];
  let weight = 0;
  let lines = 0;
  for (const line of ctx.view.lines) {
    if (line.kind === "blank" || line.kind === "fence") continue;
    const found = residueIn(line.raw);
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

function echoLines(ctx: QualityContext, lines: BodyLine[]): BodyLine[] {
  const phrase = subjectPhrase(ctx);
  const keys = lines.map((line) => skeleton(ctx, line.text));
  // Lines per sentence pattern, counting distinct texts only: a line repeated word for word is not a template.
  const skeletons = new Map<string, Set<string>>();
  lines.forEach((line, index) => {
    const key = keys[index] ?? "";
    if (key.split(" ").length >= 3) skeletons.set(key, (skeletons.get(key) ?? new Set()).add(line.text));
  });
  return lines.filter((line, index) => {
    const text = line.text.toLowerCase().replace(/[-_]/g, " ");
    return (phrase !== null && text.includes(phrase)) || (skeletons.get(keys[index] ?? "")?.size ?? 0) >= 2;
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
