import type { z } from "zod";
import {
  CHECKPOINT_SCHEMAS,
  type ConfirmPrompt,
  type PreviewPrompt,
  type ReviewPrompt,
  type StructureFixPrompt,
  type structureFixResponseSchema,
} from "../contracts/checkpoints";
import { askText, choose, printList } from "./ask";
import { askClarify } from "./clarify-prompt";
import { CliError } from "./errors";
import type { Terminal } from "./terminal";

/**
 * One terminal dialogue per checkpoint type (README, Using it). Each returns the raw answer, which the caller
 * checks against the checkpoint's zod response schema before sending; null means stdin ended unanswered.
 */
export type CheckpointType = keyof typeof CHECKPOINT_SCHEMAS;
export type RawAnswer = Record<string, unknown>;

async function askStructureFix(
  term: Terminal,
  prompt: StructureFixPrompt,
): Promise<z.input<typeof structureFixResponseSchema> | null> {
  term.print(`The skill's name or description does not pass (name: ${prompt.currentValues.name}).`);
  printList(term, "Issues:", prompt.issues);
  printList(term, "Warnings:", prompt.warnings);
  printList(
    term,
    "Suggested fixes:",
    prompt.suggestedFixes.map((f) => `${f.field}: ${f.current} → ${f.suggested} (${f.explanation})`),
  );
  const action = await choose(term, "What now?", [
    { key: "accept", label: "accept the suggested fixes" },
    { key: "edit", label: "type the name and description" },
    { key: "cancel", label: "cancel the job" },
  ]);
  if (action === null || action === "cancel") return action && { action };
  if (action === "accept") return { action: "apply", acceptSuggestions: true };
  const name = await term.ask(`name [${prompt.currentValues.name}]:`);
  const description = name === null ? null : await term.ask(`description [${prompt.currentValues.description}]:`);
  if (name === null || description === null) return null;
  return {
    action: "apply",
    name: name || prompt.currentValues.name,
    description: description || prompt.currentValues.description,
  };
}

/** proceed / revise|refine with feedback / cancel: the common ending of confirm, preview and validate. */
async function proceedOrRevise(term: Terminal, revise: "revise" | "refine"): Promise<RawAnswer | null> {
  const action = await choose(term, "What now?", [
    { key: "proceed", label: "proceed" },
    { key: revise, label: `${revise} with feedback` },
    { key: "cancel", label: "cancel the job" },
  ]);
  if (action !== revise) return action && { action };
  const feedback = await askText(term, "What should change?");
  return feedback === null ? null : { action, feedback };
}

function showPlan(term: Terminal, prompt: ConfirmPrompt): void {
  term.print("Plan:");
  term.print(prompt.summary);
  term.print(`Path: ${prompt.path}`);
  printList(term, "Key assumptions:", prompt.keyAssumptions);
}

function showPreview(term: Terminal, prompt: PreviewPrompt): void {
  term.print(
    `Preview (${prompt.sectionsCount} sections, ${prompt.examplesCount} examples, ~${prompt.readingTime} min read):`,
  );
  term.print(prompt.content);
  printList(term, "Highlights:", prompt.highlights);
}

function showReview(term: Terminal, prompt: ReviewPrompt): void {
  term.print(`Validation ${prompt.passed ? "passed" : "did not pass"} (score ${prompt.validationScore.toFixed(2)}):`);
  term.print(prompt.report);
  printList(term, "Strengths:", prompt.strengths);
  printList(term, "Weaknesses:", prompt.weaknesses);
  printList(term, "Issues:", prompt.issues);
  printList(term, `Test cases (${prompt.testCaseCount}):`, prompt.testCasesPreview);
}

function parsePrompt<T extends CheckpointType>(
  type: T,
  prompt: unknown,
): z.infer<(typeof CHECKPOINT_SCHEMAS)[T]["prompt"]> {
  const parsed = CHECKPOINT_SCHEMAS[type].prompt.safeParse(prompt);
  if (!parsed.success)
    throw new CliError(`the server sent a ${type} checkpoint this CLI cannot read; answer it in the web UI`);
  return parsed.data as z.infer<(typeof CHECKPOINT_SCHEMAS)[T]["prompt"]>;
}

/** Shows the checkpoint and asks for an answer (raw: validated by the caller). */
export async function askCheckpoint(term: Terminal, type: CheckpointType, prompt: unknown): Promise<RawAnswer | null> {
  if (type === "clarify") return askClarify(term, parsePrompt("clarify", prompt));
  if (type === "structure_fix") return askStructureFix(term, parsePrompt("structure_fix", prompt));
  if (type === "confirm") showPlan(term, parsePrompt("confirm", prompt));
  if (type === "preview") showPreview(term, parsePrompt("preview", prompt));
  if (type === "validate") showReview(term, parsePrompt("validate", prompt));
  return proceedOrRevise(term, type === "confirm" ? "revise" : "refine");
}

/** `--auto-approve`: no answers to clarifying questions, suggested fixes accepted, everything else proceeds. */
export function autoAnswer(type: CheckpointType): RawAnswer {
  if (type === "clarify") return { action: "answer", answers: {} };
  if (type === "structure_fix") return { action: "apply", acceptSuggestions: true };
  return { action: "proceed" };
}
