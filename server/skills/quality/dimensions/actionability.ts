import type { BodyLine } from "../body";
import { dimension, keep, lineEvidence } from "../evidence";
import { isBuzzword, isImperative, isPlatitude, isStrongMarker } from "../signals";
import type { DimensionScore, Evidence, QualityContext } from "../types";
import { wordsOf } from "../words";
import { isQuestionRule, processRule } from "../process";
import { lineFacts, type LineFacts } from "./specificity";

/**
 * Actionability: can an agent execute what SKILL.md says? An instruction that names what to run, open or set
 * ("Run `npx vitest --repeat 50`") is a step; an instruction that names nothing ("Review the results") is vague;
 * advice that sounds wise but commits to nothing ("follow best practices", "handle errors gracefully") is a
 * platitude and costs twice. Shell commands in code blocks are steps too, and so are the decision rules, stop
 * conditions and checklist criteria of process skills (see process.ts).
 */

/** An instruction this short with nothing concrete in it ("Review the plan.") tells the agent nothing new. */
const VAGUE_MAX_WORDS = 10;
const SHELL = new Set(["bash", "sh", "shell", "console", "zsh", "powershell", "ps1", "cmd", "terminal"]);
/** Commands beyond this many add nothing: a skill is not better for being a long script. */
const MAX_COMMAND_STEPS = 10;

interface Tally {
  steps: number;
  vague: number;
  platitudes: number;
  earned: Evidence[];
  lost: Evidence[];
}

/** A sentence, and for the first of a line the raw line (a checklist's "- [ ]" is only there). */
interface Sentence {
  text: string;
  raw: string;
}

/** Sentences of a prose paragraph (a markdown line can hold several). */
function sentencesOf(line: BodyLine): Sentence[] {
  if (line.kind !== "prose" && line.kind !== "quote") return [{ text: line.text, raw: line.raw }];
  const texts = line.text.split(/(?<=[.!?])\s+(?=[A-Z"“`*_(])/);
  return texts.map((text, index) => ({ text, raw: index === 0 ? line.raw : text }));
}

type Verdict = "step" | "vague" | "platitude" | null;

/** Words in other languages are not read: there a list item without anything concrete counts as vague. */
function foreignVerdict(concrete: boolean, line: BodyLine): Verdict {
  if (concrete) return "step";
  return line.kind === "item" ? "vague" : null;
}

function imperativeVerdict(sentence: string, concrete: boolean): Verdict {
  if (!isImperative(sentence)) return null;
  if (concrete) return "step";
  return wordsOf(sentence).length <= VAGUE_MAX_WORDS ? "vague" : null;
}

function verdict(ctx: QualityContext, sentence: Sentence, line: BodyLine, leadsToCode: boolean): Verdict {
  const facts = lineFacts(ctx, sentence.text);
  const concrete = facts.markers.length > 0 || facts.terms.length >= 2 || leadsToCode;
  if (!ctx.english) return foreignVerdict(concrete, line);
  // A decision rule, stop condition or checklist criterion is what a process skill gives to act on.
  if (processRule(sentence.text, sentence.raw) !== null || isQuestionRule(sentence.text)) return "step";
  return englishVerdict(sentence.text, facts, concrete, leadsToCode);
}

function englishVerdict(sentence: string, facts: LineFacts, concrete: boolean, leadsToCode: boolean): Verdict {
  if (isPlatitude(sentence) && !concrete) return "platitude";
  // Sounds expert, shows nothing: "a robust, scalable stack with deep insights" names no way to do it.
  const shows = facts.markers.some(isStrongMarker) || leadsToCode;
  if (isBuzzword(sentence) && !shows) return "vague";
  return imperativeVerdict(sentence, concrete);
}

const NOTES: Record<Exclude<Verdict, null>, string> = {
  step: "an executable step",
  vague: "an instruction without anything to run, open or check",
  platitude: "a platitude: it commits the agent to nothing it can do or check",
};

function judge(ctx: QualityContext, line: BodyLine, leadsToCode: boolean, tally: Tally): void {
  // "Test passes? You are testing the old behaviour. Fix the test.": one rule, not three terse instructions.
  const sentences = ctx.english && isQuestionRule(line.text) ? [{ text: line.text, raw: line.raw }] : sentencesOf(line);
  for (const sentence of sentences) {
    if (wordsOf(sentence.text).length < 2) continue;
    const found = verdict(ctx, sentence, line, leadsToCode && sentence.text.trim().endsWith(":"));
    if (found === null) continue;
    tally[found === "step" ? "steps" : found === "vague" ? "vague" : "platitudes"]++;
    const make = () => lineEvidence(found === "step" ? "+" : "-", { file: "SKILL.md", line }, NOTES[found]);
    keep(found === "step" ? tally.earned : tally.lost, make);
  }
}

/** Lines whose next non-blank line opens a code block ("Run the script:" then the command). */
function linesBeforeCode(ctx: QualityContext): Set<number> {
  const before = new Set<number>();
  let previous: BodyLine | null = null;
  for (const line of ctx.view.lines) {
    if (line.kind === "blank") continue;
    if (line.kind === "fence" && previous && previous.kind !== "code" && previous.kind !== "fence")
      before.add(previous.line);
    previous = line;
  }
  return before;
}

function commandCount(ctx: QualityContext): number {
  const commands = ctx.view.blocks
    .filter((block) => SHELL.has(block.language))
    .flatMap((block) => block.code.filter((code) => code.trim() !== "" && !code.trim().startsWith("#")));
  return Math.min(MAX_COMMAND_STEPS, commands.length);
}

export function actionability(ctx: QualityContext): DimensionScore {
  const tally: Tally = { steps: 0, vague: 0, platitudes: 0, earned: [], lost: [] };
  const beforeCode = linesBeforeCode(ctx);
  // Tables are reference, dialogue is an example of what to say: neither is an instruction to the agent.
  const judged = ctx.view.content.filter((line) => line.kind !== "table" && !ctx.dialogue.has(line));
  for (const line of judged) judge(ctx, line, beforeCode.has(line.line), tally);
  const commands = commandCount(ctx);
  const good = tally.steps + commands;
  // Two steps' worth of prior: a short skill is not judged on one sentence.
  const score = (good + 2) / (good + tally.vague + 2 * tally.platitudes + 2);
  const summary = `${tally.steps} executable steps and ${commands} shell commands, against ${tally.vague} vague instructions and ${tally.platitudes} platitudes`;
  return dimension("actionability", score, summary, { earned: tally.earned, lost: tally.lost });
}
