import { z } from "zod";
import { DIMENSION_IDS } from "../../../contracts/validation";
import { dataPrompt, systemPrompt } from "../prompts/data";
import { defineStep } from "./define";
import { planInputSchema } from "./schemas";

/**
 * The model judge: the same rubric as the deterministic quality model (server/skills/quality) plus correctness
 * risk, each dimension scored 0–1 with verbatim quotes from the skill as evidence. The workflow combines it with
 * the deterministic score within a bounded range, so the model's word alone never decides a verdict, and drops
 * quotes that are not in the skill. Offline (no model) the judge does not run: `measured: false`, all zeros, and
 * reports say so instead of showing a figure.
 */
const score = z.number().min(0).max(1);
const judged = z.object({ score, evidence: z.array(z.string().max(400)).max(5) });

/** The content model's dimensions (contracts/validation.ts) plus what only a model can judge. */
export const JUDGE_DIMENSIONS = [...DIMENSION_IDS, "correctnessRisk"] as const;

export const qualityAssessmentSchema = z.object({
  measured: z.boolean(),
  specificity: judged,
  actionability: judged,
  templateResidue: judged,
  examples: judged,
  triggerQuality: judged,
  progressiveDisclosure: judged,
  /** 0 = nothing looks wrong, 1 = instructions that would mislead an agent (wrong commands, invented APIs). */
  correctnessRisk: judged,
  overallScore: score,
  strengths: z.array(z.string()).max(5),
  weaknesses: z.array(z.string()).max(5),
  summary: z.string(),
});
export type JudgeOutput = z.infer<typeof qualityAssessmentSchema>;

const RUBRIC = [
  "Score each dimension from 0 to 1 and quote 1-3 short passages copied verbatim from the skill as evidence:",
  "specificity: concrete commands, APIs, flags, file formats, numbers, error messages and domain terms beyond the request (high = expert detail; low = generic wording);",
  "actionability: steps an agent can execute (high) versus platitudes such as 'follow best practices' or 'handle errors gracefully' (low);",
  "templateResidue: 1 = no left-over template text; low when placeholders (your_table, <resource>, [Title], TODO, {{x}}, [FILL IN]) or the request echoed line after line remain;",
  "examples: examples that exercise the real domain (high) versus toy or placeholder examples (low); 0.5 when there are none;",
  "triggerQuality: the description says what the skill does and when to use it, with concrete trigger words, within 1024 characters;",
  "progressiveDisclosure: SKILL.md stays focused (under 500 lines) and points to bundled reference files for detail;",
  "correctnessRisk: 0 when everything looks right; high when commands, APIs or facts look wrong or invented.",
  "overallScore: your overall judgement from 0 to 1 (0.75 or more = ready to publish). measured: true.",
  "strengths and weaknesses: up to 5 each, specific enough to act on; summary: one or two sentences.",
];

function notMeasured(reason: string): JudgeOutput {
  const none = { score: 0, evidence: [] };
  return {
    measured: false,
    specificity: none,
    actionability: none,
    templateResidue: none,
    examples: none,
    triggerQuality: none,
    progressiveDisclosure: none,
    correctnessRisk: none,
    overallScore: 0,
    strengths: [],
    weaknesses: [],
    summary: reason,
  };
}

export const assessQuality = defineStep({
  name: "assessQuality",
  input: z.object({ skillContent: z.string(), plan: planInputSchema, successCriteria: z.array(z.string()) }),
  output: qualityAssessmentSchema,
  prompt: (input) => ({
    system: systemPrompt("You judge the quality of a SKILL.md as a demanding expert reviewer.", RUBRIC),
    prompt: dataPrompt("Judge this skill against the rubric.", {
      skill: input.skillContent,
      plan: input.plan,
      successCriteria: input.successCriteria,
    }),
  }),
  offline: () => notMeasured("No model is configured, so the model judge did not run."),
  // A judge that failed is reported as such; the deterministic score decides alone then.
  fallback: () => notMeasured("The model judge failed, so it did not contribute to the score."),
});
