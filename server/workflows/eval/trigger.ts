import { chooseSkill } from "../../llm/steps/choose-skill";
import { costOf, type CallCost, type EvalCalls } from "./eval-calls";
import type { TriggerQuery } from "./eval-files";

/**
 * Trigger evals (docs/evals.md): for each query and run, the model sees the `<available_skills>` list (this skill
 * and the library's others) and names the skill it would load, or none. A call that failed is an error, never
 * "did not trigger".
 */
export type Choice =
  { status: "chose"; skill: string | null } | { status: "error"; error: string; failure: "error" | "timeout" };

export interface QueryRuns {
  query: string;
  shouldTrigger: boolean;
  choices: Choice[];
  calls: CallCost[];
}

export interface SkillEntry {
  name: string;
  description: string;
}

export async function runTriggers(
  calls: EvalCalls,
  queries: TriggerQuery[],
  skills: SkillEntry[],
  runs: number,
  /** The keys' prefix: the trigger evals', or a tuning iteration's (each scores a description on every query). */
  prefix = "trigger#1",
): Promise<QueryRuns[]> {
  const indexes = Array.from({ length: runs }, (_, i) => i + 1);
  return Promise.all(
    queries.map(async (query, index) => {
      const outcomes = await Promise.all(
        indexes.map((run) =>
          calls.call(`${prefix}/query-${index + 1}/run-${run}`, chooseSkill, { query: query.query, skills }),
        ),
      );
      const choices = outcomes.map((o): Choice =>
        o.ok ? { status: "chose", skill: o.output.skill } : { status: "error", error: o.error, failure: o.failure },
      );
      return { query: query.query, shouldTrigger: query.shouldTrigger, choices, calls: outcomes.map(costOf) };
    }),
  );
}
