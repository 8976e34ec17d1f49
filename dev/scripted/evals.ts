import { SKILL_DESCRIPTION_MAX_CHARS } from "../../contracts/limits";
import type { StepName } from "../../server/llm/steps/names";
import { output, type StepScript } from "./replies";

/**
 * What the scripted model answers to an eval's calls (the offline engine refuses them: it is not a model). The
 * rules are simple and deterministic so tests know what to expect (docs/evals.md, Tests):
 * - answering with the skill loaded: the model first reads the skill's first `references/` file with the
 *   read_file tool (when it has one), then answers following SKILL.md (it quotes its body and what it read);
 *   without the skill, a generic answer that repeats the request;
 * - judging: an assertion passes when the answer contains the text it quotes in backticks (the evidence is the
 *   answer's line that contains it); an assertion that quotes nothing fails;
 * - choosing a skill: the skill whose description shares the most words (three or more) with the query, else none;
 * - proposing a description: the current one plus the requests it missed that should have loaded it, quoted.
 */
export const EVAL_STEPS: ReadonlySet<StepName> = new Set([
  "answerEvalCase",
  "judgeEvalAnswer",
  "chooseSkill",
  "proposeDescription",
]);

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" ? (value as Record<string, unknown>) : {};

function answer(input: Record<string, unknown>, read: string[] = []): { answer: string } {
  const skill = input.skill ? record(input.skill) : null;
  const prompt = String(input.prompt ?? "");
  if (!skill)
    return { answer: `Here is a general approach to: ${prompt}\nCheck the documentation and test carefully.` };
  const body = String(skill.skillMd ?? "").replace(/^---[\s\S]*?---\n/, "");
  return { answer: [`Following the ${String(skill.name)} skill for: ${prompt}`, body, ...read].join("\n") };
}

function verdict(assertion: string, text: string) {
  const quoted = /`([^`]+)`/.exec(assertion)?.[1];
  const line = quoted ? text.split("\n").find((l) => l.includes(quoted)) : undefined;
  if (line !== undefined) return { assertion, passed: true, evidence: line.trim() };
  return { assertion, passed: false, evidence: quoted ? `The answer never mentions ${quoted}.` : "Nothing to quote." };
}

function judge(input: Record<string, unknown>) {
  const text = String(input.answer ?? "");
  const assertions = Array.isArray(input.assertions) ? input.assertions.map(String) : [];
  return { verdicts: assertions.map((a) => verdict(a, text)) };
}

const words = (text: string): Set<string> => new Set(text.toLowerCase().match(/[a-z0-9]{4,}/g) ?? []);

function choose(input: Record<string, unknown>): { skill: string | null } {
  const query = words(String(input.query ?? ""));
  const skills = Array.isArray(input.skills) ? input.skills.map(record) : [];
  let best: { name: string | null; shared: number } = { name: null, shared: 2 };
  for (const skill of skills) {
    const shared = [...words(String(skill.description ?? ""))].filter((w) => query.has(w)).length;
    if (shared > best.shared) best = { name: String(skill.name), shared };
  }
  return { skill: best.name };
}

function propose(input: Record<string, unknown>): { description: string } {
  const misses = Array.isArray(input.misses) ? input.misses.map(record) : [];
  const wanted = misses.filter((miss) => miss.shouldTrigger === true).map((miss) => `"${String(miss.query)}"`);
  const current = String(input.description ?? "");
  const description = wanted.length ? `${current} Use it also for requests like ${wanted.join(", ")}.` : current;
  return { description: Array.from(description).slice(0, SKILL_DESCRIPTION_MAX_CHARS).join("") };
}

/** The scripted model's answer to an eval step (`read`: what its tools returned so far). */
export function evalAnswer(step: StepName, input: unknown, read: string[] = []): unknown {
  if (step === "answerEvalCase") return answer(record(input), read);
  if (step === "judgeEvalAnswer") return judge(record(input));
  if (step === "proposeDescription") return propose(record(input));
  return choose(record(input));
}

/** The default script of an eval step: answering with a skill that has references reads the first one first. */
export const evalScript: StepScript = (call) => {
  const files = call.step === "answerEvalCase" ? record(record(call.input).skill).files : undefined;
  const reference = Array.isArray(files) ? files.map(String).find((f) => f.startsWith("references/")) : undefined;
  if (reference && call.toolResults.length === 0)
    return { kind: "tool-call", toolName: "read_file", input: { path: reference } };
  return output(evalAnswer(call.step, call.input, call.toolResults));
};
