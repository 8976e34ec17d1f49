import type { BodyLine, BodyView } from "./body";
import { concreteMarkers, isBuzzword, isPlatitude } from "./signals";
import { isDomainTerm, wordsOf } from "./words";

/**
 * What process skills (planning, reviewing, shaping a design, debugging methodically) teach instead of commands:
 * decision rules ("If two tasks touch the same function, order them"), stop conditions ("Stop after three failed
 * fixes"), checklists of criteria someone can tick, and dialogue showing what to say. Each is as checkable as a
 * flag or a file name, so the model credits them; filler's versions ("If something goes wrong, fix it", "Check
 * the code", "If the user is unsure, ask more questions") are too short, too vague, platitudes or draw no line,
 * and are not credited.
 */

export type ProcessRule = "decision rule" | "stop condition" | "checklist item";

/** A rule shorter than this has no room for both a situation and what to do in it. */
const MIN_RULE_WORDS = 7;
/** The consequence of a decision rule must say something ("review again" does not). */
const MIN_CONSEQUENCE_WORDS = 3;

/** "If …, …", "When … - …", "Unless …: …", "Once …, …": a situation, a separator, what to do. */
const CONDITIONAL =
  /^(?:\*\*[^*]{1,60}\*\*[:.]?\s+)?(?:if|when|whenever|unless|once|until|before|after|as soon as)\b([^,:;—–]{3,}?)(?:,|:|;|\s[—–-]\s|\s→\s)\s*(?:then\s+)?(.+)$/i;
/** "Stop and ask when …", "Do not merge until …", "Never X without Y", "Only then …": when to halt or wait. */
const STOP =
  /^(?:\*\*[^*]{1,60}\*\*[:.]?\s+)?(?:(?:stop|pause|halt|escalate|go back|return)\b.*\b(?:when|if|after|until|once|unless|before)\b|(?:do not|don't|never)\b.*\b(?:until|unless|before|without|after)\b|only (?:then|after|once|when)\b)/i;
/** A situation described with nothing in it: "if something goes wrong", "when needed". */
const VAGUE_CONDITION =
  /\b(?:something|anything|everything|issues?|problems?|needed|necessary|appropriate|applicable|required|in doubt|possible|things)\b/i;
const CHECKBOX = /^\s*(?:[-*+]|\d{1,3}[.)])\s+\[[ xX]\]\s+/;

/** What follows the situation must be a clause of its own; "Before cleaning data, to find gaps" states a purpose. */
const NOT_A_CLAUSE = /^(?:to|for|with|by|in|on|so|and|or|as)\b|^\w+ing\b/i;

function decisionRule(sentence: string): boolean {
  const match = CONDITIONAL.exec(sentence.trim());
  if (!match) return false;
  const [, condition = "", consequence = ""] = match;
  if (VAGUE_CONDITION.test(condition) || NOT_A_CLAUSE.test(consequence.trim())) return false;
  return wordsOf(consequence).length >= MIN_CONSEQUENCE_WORDS;
}

/** Sentences of a line, split at full stops followed by a capital (as the actionability dimension does). */
const sentences = (text: string): string[] => text.split(/(?<=[.!?])\s+(?=[A-Z"“`*_(])/);

/**
 * A rule worth the name draws a line someone can check: a bound (only, never, every, no, at most), a contrast
 * (", not …", rather than, instead of), a count, or something named (a file, a command, a domain term). "If the
 * user is unsure, ask more questions" has the shape of a rule and draws no line.
 */
const BOUND =
  /\b(?:only|never|always|every|each|no|none|nothing|nobody|both|neither|exactly|at (?:most|least)|without|rather than|instead of)\b|,\s*not\b/i;

export function drawsALine(sentence: string): boolean {
  if (BOUND.test(sentence)) return true;
  if (concreteMarkers(sentence).some((id) => id !== "proper name")) return true;
  return wordsOf(sentence).some(isDomainTerm);
}

/** Is a sentence long enough to hold a situation and an action, and more than advice or buzzwords? */
const ruleShaped = (sentence: string): boolean =>
  wordsOf(sentence).length >= MIN_RULE_WORDS && !isPlatitude(sentence) && !isBuzzword(sentence) && drawsALine(sentence);

/** The process rule a sentence states, if any; platitudes and buzzwords never count, however they are phrased. */
export function processRule(sentence: string, raw = sentence): ProcessRule | null {
  // A hard-wrapped paragraph's next line ("before the next step; …") continues a sentence; it does not open one.
  if (/^[a-z]/.test(raw.trim())) return null;
  // The shape first (cheap, and most lines have none), then whether it says anything (markers, terms, platitudes).
  const shape = ruleShape(sentence, raw);
  return shape !== null && ruleShaped(sentence) ? shape : null;
}

function ruleShape(sentence: string, raw: string): ProcessRule | null {
  if (STOP.test(sentence.trim())) return "stop condition";
  if (decisionRule(sentence)) return "decision rule";
  return CHECKBOX.test(raw) ? "checklist item" : null;
}

/** "Test passes? You are testing existing behaviour. Fix the test.": a situation asked, then what to do. */
const QUESTION_THEN_ANSWER = /^(?:\*\*)?([^?*]{3,100})\?(?:\*\*)?\s+(\S.*)$/;

/** A line that asks about a situation and answers it; vague situations ("Any issues?") do not count. */
export function isQuestionRule(text: string): boolean {
  const match = QUESTION_THEN_ANSWER.exec(text.trim());
  if (!match || !ruleShaped(text)) return false;
  const [, situation = "", answer = ""] = match;
  return !VAGUE_CONDITION.test(situation) && !answer.trim().endsWith("?");
}

/** The process rules of a line of text, one per sentence that states one (or one for a question and answer). */
export function processRulesIn(text: string, raw = text): ProcessRule[] {
  if (isQuestionRule(text)) return ["decision rule"];
  const found = sentences(text).map((sentence, index) => processRule(sentence, index === 0 ? raw : sentence));
  return found.filter((rule): rule is ProcessRule => rule !== null);
}

/** A turn of dialogue: "**You:** …", "User: …", "> Partner: …". Roles only, so "Note: …" is not a speaker. */
const SPEAKER =
  /^(?:[*_]{1,2})?(?:you|user|partner|human|assistant|agent|claude|model|me|reviewer|author|customer|client|developer|engineer|teammate|interviewer|maintainer)(?:[*_]{1,2})?\s*:(?:[*_]{1,2})?\s+\S/i;

const speakerOf = (line: BodyLine): string | null =>
  SPEAKER.test(line.text)
    ? (line.text
        .split(":")[0]
        ?.replace(/[*_\s]/g, "")
        .toLowerCase() ?? null)
    : null;

/**
 * Dialogue examples of a body: runs of turns (and the lines continuing a turn) with at least two speakers. Each
 * exchange is an example of exactly what to say, and its lines are examples, not instructions to the agent.
 */
export function dialogues(view: BodyView): BodyLine[][] {
  const exchanges: BodyLine[][] = [];
  let run: BodyLine[] = [];
  const close = () => {
    const speakers = new Set(run.map(speakerOf).filter((s) => s !== null));
    if (speakers.size >= 2) exchanges.push(run);
    run = [];
  };
  for (const line of view.lines) {
    if (speakerOf(line) !== null || (run.length > 0 && line.kind === "quote")) run.push(line);
    else if (line.kind !== "blank") close();
  }
  close();
  return exchanges;
}
