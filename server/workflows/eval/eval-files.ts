import { z } from "zod";
import { badRequest } from "../../common/errors";
import { textOf } from "../../skills/library/files";
import type { SkillFileData } from "../../skills/library/types";

/**
 * A skill's eval files (docs/evals.md): `evals/evals.json` in skill-creator's shape, whose cases list
 * `expectations`, or the Agent Skills docs' shape, whose cases list `assertions` (both are lists of plain-language
 * checks), and `evals/trigger-evals.json` ([{ query, should_trigger }]). A file that does not fit is refused with
 * a typed error naming the file and the field.
 */
export const EVALS_FILE = "evals/evals.json";
export const TRIGGER_EVALS_FILE = "evals/trigger-evals.json";

const checks = z.array(z.string().trim().min(1, "must not be empty")).min(1, "must list at least one check");

const caseSchema = z
  .object({
    id: z.union([z.number().int(), z.string().min(1)]),
    prompt: z.string().trim().min(1, "must not be empty"),
    expected_output: z.string().optional(),
    files: z.array(z.string()).optional(),
    expectations: checks.optional(),
    assertions: checks.optional(),
  })
  .refine((c) => c.expectations !== undefined || c.assertions !== undefined, {
    message: "a case needs `expectations` (skill-creator) or `assertions` (Agent Skills docs)",
    path: ["expectations"],
  });

const evalsFileSchema = z.object({
  skill_name: z.string().optional(),
  evals: z.array(caseSchema).min(1, "must list at least one case"),
});

const triggerFileSchema = z.array(z.object({ query: z.string().trim().min(1), should_trigger: z.boolean() }));

export interface EvalCase {
  id: string;
  prompt: string;
  checks: string[];
}

export interface TriggerQuery {
  query: string;
  shouldTrigger: boolean;
}

export interface EvalSuite {
  cases: EvalCase[];
  triggers: TriggerQuery[];
}

function parsedFile<T>(files: SkillFileData[], name: string, schema: z.ZodType<T>): T | null {
  const file = files.find((candidate) => candidate.path === name);
  if (!file) return null;
  let json: unknown;
  try {
    json = JSON.parse(textOf(file) ?? "");
  } catch (error) {
    throw badRequest(`${name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, {
      file: name,
    });
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") || "(root)";
  throw badRequest(`${name}: ${field}: ${issue?.message ?? "invalid"}`, { file: name, field });
}

/** The skill's eval suite; BAD_REQUEST when a file is malformed or the skill has neither file. */
export function evalSuiteOf(files: SkillFileData[]): EvalSuite {
  const evals = parsedFile(files, EVALS_FILE, evalsFileSchema);
  const triggers = parsedFile(files, TRIGGER_EVALS_FILE, triggerFileSchema);
  if (!evals && !triggers) throw badRequest(`The skill has no ${EVALS_FILE} or ${TRIGGER_EVALS_FILE} to run`);
  return {
    cases: (evals?.evals ?? []).map((c) => ({
      id: String(c.id),
      prompt: c.prompt,
      checks: [...(c.expectations ?? []), ...(c.assertions ?? [])],
    })),
    triggers: (triggers ?? []).map((t) => ({ query: t.query, shouldTrigger: t.should_trigger })),
  };
}
