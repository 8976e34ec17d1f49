import { clamp01, dimension, quote } from "../evidence";
import { concreteMarkers, isPlatitude, saysWhenToUse, withoutWhenClauses } from "../signals";
import type { DimensionScore, Evidence } from "../types";
import { isDomainTerm, wordsOf } from "../words";

/**
 * Trigger quality of the description: the only text an agent sees before it decides to load the skill. It
 * should say what the skill does and when to use it, with concrete trigger words (tools, file types, phrases
 * users say), within the budget clients show (the spec allows 1024 characters; under 40 says too little).
 */

const VAGUE = /\b(?:helps? (?:you )?with|various|things|stuff|anything|everything|all kinds of|general purpose)\b/i;
const TRIGGERS_FOR_FULL = 4;
const MIN_CHARS = 40;
const MAX_CHARS = 1024;

/** The description without its "use when …" clause: what the skill does. */
const whatPart = withoutWhenClauses;

function triggerWords(description: string): string[] {
  const markers = concreteMarkers(description);
  const terms = wordsOf(description).filter(isDomainTerm);
  return [...new Set([...markers, ...terms])];
}

function budgetFactor(chars: number): number {
  if (chars < MIN_CHARS) return chars / MIN_CHARS;
  if (chars > MAX_CHARS) return 0.5;
  return 1;
}

export function triggerQuality(description: string, line: number): DimensionScore {
  const text = description.trim();
  const what = clamp01((wordsOf(whatPart(text)).length - 2) / 4);
  const when = saysWhenToUse(text) ? 1 : 0;
  const triggers = triggerWords(text);
  const concrete = clamp01(triggers.length / TRIGGERS_FOR_FULL);
  const vague = VAGUE.test(text) || isPlatitude(text) ? 0.15 : 0;
  const score = (0.3 * what + 0.35 * when + 0.35 * concrete - vague) * budgetFactor(Array.from(text).length);
  const evidence: Evidence = { effect: score >= 0.6 ? "+" : "-", line, quote: quote(text), note: "" };
  const missing = [what < 0.5 && "what it does", !when && "when to use it", concrete < 0.5 && "concrete trigger words"];
  const gaps = missing.filter((gap): gap is string => typeof gap === "string");
  evidence.note = gaps.length ? `the description does not say ${gaps.join(" or ")}` : "says what and when, concretely";
  const summary = `${when ? "says" : "does not say"} when to use it; ${triggers.length} concrete trigger words; ${Array.from(text).length} characters`;
  return dimension("triggerQuality", score, summary, {
    earned: evidence.effect === "+" ? [evidence] : [],
    lost: evidence.effect === "-" ? [evidence] : [],
  });
}
