import type { BodyLine } from "../body";
import { clamp01, dimension, keep, lineEvidence, share } from "../evidence";
import { processRulesIn } from "../process";
import { concreteMarkers, isStrongMarker } from "../signals";
import type { DimensionScore, Evidence, QualityContext } from "../types";
import { isDomainTerm, stem, wordsOf } from "../words";

/**
 * Specificity: does the skill name the things an expert would (commands, files, flags, numbers, APIs, quoted
 * messages, domain terms) beyond what the request itself said? Measured over SKILL.md and the docs it points to:
 * the share of instruction lines that carry something concrete, and how many distinct domain terms it adds.
 */

/** Half the lines carrying something concrete is as specific as skills get (prose has to connect them). */
const CONCRETE_SHARE_FOR_FULL = 0.5;
/** A third of the lines showing how (a command, file, flag, number, call, quote) earns full marks. */
const STRONG_SHARE_FOR_FULL = 0.3;
/** Distinct new domain terms for full marks; the public skills we calibrated on add 24 to 570. */
const TERMS_FOR_FULL = 20;

export interface LineFacts {
  markers: string[];
  terms: string[];
}

/** Concrete markers and new domain terms of one line; names the request already used do not count. */
export function lineFacts(ctx: QualityContext, text: string): LineFacts {
  const known = ctx.facts.get(text);
  if (known) return known;
  const facts = computeFacts(ctx, text);
  ctx.facts.set(text, facts);
  return facts;
}

function computeFacts(ctx: QualityContext, text: string): LineFacts {
  const fresh = (word: string) => !ctx.subject.has(stem(word));
  const markers = concreteMarkers(text).filter((id) => id !== "proper name" || properNames(text).some(fresh));
  const terms = ctx.english ? wordsOf(text).filter((word) => isDomainTerm(word) && fresh(word)) : [];
  return { markers, terms };
}

function properNames(text: string): string[] {
  return [...text.matchAll(/\b[A-Z]{2,}\d*s?\b|\b[A-Z]?[a-z]+[A-Z][A-Za-z]*\b/g)].map((m) => m[0].toLowerCase());
}

const isConcrete = (facts: LineFacts): boolean => facts.markers.length > 0 || facts.terms.length >= 2;
/** Does the line name something (a marker other than a rule, or two terms), not only state a rule? */
const names = (facts: LineFacts): boolean =>
  facts.markers.some((id) => !PROCESS_RULES.has(id)) || facts.terms.length >= 2;
/**
 * A rule that names nothing earns half a concrete line: "Every change has a test" is checkable, but a skill of
 * such rules alone has said less than one that also names what to run or open.
 */
const RULE_CREDIT = 0.5;

function describe(facts: LineFacts): string {
  const parts = [...new Set(facts.markers)];
  if (facts.terms.length) parts.push(`terms: ${[...new Set(facts.terms)].slice(0, 3).join(", ")}`);
  return `names ${parts.join("; ")}`;
}

/**
 * A line's facts as the specificity dimension counts them: its markers and terms, plus what process skills name
 * instead of commands. A decision rule, stop condition or checklist criterion is concrete.
 */
function instructionFacts(ctx: QualityContext, line: BodyLine): LineFacts {
  const facts = lineFacts(ctx, line.text);
  const rules = ctx.english ? processRulesIn(line.text, line.raw) : [];
  if (rules.length === 0) return facts;
  return { markers: [...facts.markers, ...new Set(rules)], terms: facts.terms };
}

/** Process rules count as concrete but not as showing how: the how is in the line's own markers. */
const showsHow = (id: string): boolean => isStrongMarker(id) && !PROCESS_RULES.has(id);
const PROCESS_RULES = new Set<string>(["decision rule", "stop condition", "checklist item"]);

export function specificity(ctx: QualityContext): DimensionScore {
  // Dialogue is an example of what to say (see examples), not an instruction: it is judged there.
  const lines = ctx.instructions.filter(({ line }) => wordsOf(line.text).length >= 3 && !ctx.dialogue.has(line));
  const terms = new Set<string>();
  const earned: Evidence[] = [];
  const lost: Evidence[] = [];
  let concrete = 0;
  let rulesOnly = 0;
  let strong = 0;
  for (const where of lines) {
    const facts = instructionFacts(ctx, where.line);
    facts.terms.forEach((term) => terms.add(term));
    if (facts.markers.some(showsHow)) strong++;
    if (isConcrete(facts)) {
      if (names(facts)) concrete++;
      else rulesOnly++;
      if (facts.markers.length >= 2) keep(earned, () => lineEvidence("+", where, describe(facts)));
    } else if (wordsOf(where.line.text).length >= 6) {
      keep(lost, () => lineEvidence("-", where, "names no command, file, flag, number, API, domain term or rule"));
    }
  }
  const total = Math.max(1, lines.length);
  const shareScore = clamp01((concrete + RULE_CREDIT * rulesOnly) / total / CONCRETE_SHARE_FOR_FULL);
  const strongScore = clamp01(strong / total / STRONG_SHARE_FOR_FULL);
  const termScore = ctx.english ? clamp01(terms.size / TERMS_FOR_FULL) : shareScore;
  const summary = `${share(concrete, lines.length)} instruction lines name something concrete and ${rulesOnly} more state a rule, ${strong} show how (a command, file, flag, number, call or quoted text); ${terms.size} domain terms beyond the name and description`;
  return dimension("specificity", 0.4 * strongScore + 0.3 * shareScore + 0.3 * termScore, summary, { earned, lost });
}
