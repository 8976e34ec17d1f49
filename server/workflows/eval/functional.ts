import { tool, type ToolSet } from "ai";
import { z } from "zod";
import { answerEvalCase, type loadedSkillSchema } from "../../llm/steps/answer-eval-case";
import { judgeEvalAnswer } from "../../llm/steps/judge-eval-answer";
import { textOf } from "../../skills/library/files";
import type { SkillFileData } from "../../skills/library/types";
import { costOf, type CallCost, type EvalCalls } from "./eval-calls";
import type { EvalCase } from "./eval-files";

/**
 * Functional evals (docs/evals.md): each case's prompt answered `runs` times with the skill loaded and without it
 * (or with the version it is compared against), every answer graded by the judge, assertion by assertion. The with
 * and without runs are independent, so they all start together (the job's concurrency limit and caps still apply).
 */
export type Side = "with" | "without";
export const SIDES: readonly Side[] = ["with", "without"];

export interface Verdict {
  assertion: string;
  passed: boolean;
  evidence: string;
}

export type RunResult =
  | { status: "graded"; answer: string; verdicts: Verdict[]; calls: CallCost[] }
  | { status: "error"; failure: "error" | "timeout"; stage: "answer" | "judge"; error: string; calls: CallCost[] };

export interface CaseRuns {
  caseId: string;
  prompt: string;
  checks: string[];
  runs: Record<Side, RunResult[]>;
}

type LoadedSkill = z.infer<typeof loadedSkillSchema>;

/** The skill as an agent has it: SKILL.md in context, the other text files readable with read_file. */
export function loadSkill(name: string, files: SkillFileData[]): { skill: LoadedSkill; tools: ToolSet } {
  const texts = new Map(files.map((file) => [file.path, textOf(file)]));
  const readFile = tool({
    description: "Read one of the loaded skill's files by its path (as listed in skillFiles).",
    inputSchema: z.object({ path: z.string() }),
    execute: async ({ path }) => texts.get(path) ?? `No text file '${path}' in this skill.`,
  });
  const others = files.map((file) => file.path).filter((path) => path !== "SKILL.md");
  return { skill: { name, skillMd: texts.get("SKILL.md") ?? "", files: others }, tools: { read_file: readFile } };
}

async function oneRun(
  calls: EvalCalls,
  key: string,
  evalCase: EvalCase,
  loaded: LoadedSkill | null,
  tools?: ToolSet,
): Promise<RunResult> {
  const answered = await calls.call(`${key}/answer`, answerEvalCase, { prompt: evalCase.prompt, skill: loaded }, tools);
  if (!answered.ok)
    return {
      status: "error",
      failure: answered.failure,
      stage: "answer",
      error: answered.error,
      calls: [costOf(answered)],
    };
  const input = { prompt: evalCase.prompt, answer: answered.output.answer, assertions: evalCase.checks };
  const judged = await calls.call(`${key}/judge`, judgeEvalAnswer, input);
  const spent = [costOf(answered), costOf(judged)];
  if (!judged.ok)
    return { status: "error", failure: judged.failure, stage: "judge", error: judged.error, calls: spent };
  return { status: "graded", answer: answered.output.answer, verdicts: judged.output.verdicts, calls: spent };
}

export type Loaded = ReturnType<typeof loadSkill>;

/** `baseline`: what the "without" side loads, another version of the skill; null for no skill at all. */
export async function runFunctional(
  calls: EvalCalls,
  cases: EvalCase[],
  skill: Loaded,
  runs: number,
  baseline: Loaded | null = null,
): Promise<CaseRuns[]> {
  const indexes = Array.from({ length: runs }, (_, i) => i + 1);
  const loads: Record<Side, Loaded | null> = { with: skill, without: baseline };
  const side = (evalCase: EvalCase, which: Side) =>
    Promise.all(
      indexes.map((run) => {
        const key = `functional#1/case-${evalCase.id}/run-${run}/${which}`;
        const loaded = loads[which];
        return oneRun(calls, key, evalCase, loaded?.skill ?? null, loaded?.tools);
      }),
    );
  return Promise.all(
    cases.map(async (evalCase) => {
      const [withSkill, without] = await Promise.all([side(evalCase, "with"), side(evalCase, "without")]);
      return {
        caseId: evalCase.id,
        prompt: evalCase.prompt,
        checks: evalCase.checks,
        runs: { with: withSkill, without },
      };
    }),
  );
}
