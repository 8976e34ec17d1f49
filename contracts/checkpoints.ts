import { z } from "zod";
import { CHECKPOINT_WAITS } from "./job-status";
import { contentScoresSchema, qualityDetailsSchema } from "./validation";
import { ANSWER_TEXT_MAX_CHARS, FEEDBACK_MAX_CHARS, SKILL_DESCRIPTION_MAX_CHARS, SKILL_NAME_MAX_CHARS } from "./limits";

/**
 * The five human-in-the-loop checkpoints (docs/workflow.md, Checkpoints): what the server asks (prompt) and the answers
 * it accepts (response), validated with zod on the way in. Every checkpoint also accepts `{ action: "cancel" }`.
 * Pure schemas, shared by the workflow, hitl.answer and the in-page forms.
 */
const feedback = z.string().trim().min(1, "say what should change").max(FEEDBACK_MAX_CHARS);
const cancel = z.object({ action: z.literal("cancel") }).strict();

// ── clarify ────────────────────────────────────────────────────────────────────────────────────────
export const questionSchema = z.object({
  id: z.string(),
  text: z.string(),
  questionType: z.enum(["boolean", "single", "multi", "text"]),
  options: z.array(z.object({ id: z.string(), label: z.string(), description: z.string().optional() })),
  allowsOther: z.boolean(),
  rationale: z.string().optional(),
});
export type Question = z.infer<typeof questionSchema>;

export const clarifyPromptSchema = z.object({
  questions: z.array(questionSchema).min(1),
  priority: z.enum(["critical", "important", "optional"]),
  rationale: z.string(),
  round: z.number().int().min(1),
  maxRounds: z.number().int().min(1),
});

/** One answer: the chosen option ids (yes/no are "yes"/"no") and/or free text ("other", or a text question). */
export const questionAnswerSchema = z
  .object({
    selected: z.array(z.string().max(200)).max(50).default([]),
    text: z.string().max(ANSWER_TEXT_MAX_CHARS).optional(),
  })
  .strict();

export const clarifyResponseSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("answer"), answers: z.record(z.string(), questionAnswerSchema) }).strict(),
  cancel,
]);

// ── structure_fix ──────────────────────────────────────────────────────────────────────────────────
export const suggestedFixSchema = z.object({
  field: z.enum(["name", "description"]),
  issue: z.string(),
  current: z.string(),
  suggested: z.string(),
  explanation: z.string(),
});

export const structureFixPromptSchema = z.object({
  issues: z.array(z.string()),
  warnings: z.array(z.string()),
  suggestedFixes: z.array(suggestedFixSchema),
  currentValues: z.object({ name: z.string(), description: z.string() }),
});

export const structureFixResponseSchema = z.discriminatedUnion("action", [
  z
    .object({
      action: z.literal("apply"),
      acceptSuggestions: z.boolean().default(false),
      name: z.string().trim().max(SKILL_NAME_MAX_CHARS).optional(),
      description: z.string().trim().max(SKILL_DESCRIPTION_MAX_CHARS).optional(),
    })
    .strict(),
  cancel,
]);

// ── confirm (plan) ─────────────────────────────────────────────────────────────────────────────────
export const confirmPromptSchema = z.object({
  summary: z.string(),
  path: z.string(),
  keyAssumptions: z.array(z.string()),
});

const proceedOrRevise = (revise: "revise" | "refine") =>
  z.discriminatedUnion("action", [
    z.object({ action: z.literal("proceed") }).strict(),
    z.object({ action: z.literal(revise), feedback }).strict(),
    cancel,
  ]);

export const confirmResponseSchema = proceedOrRevise("revise");

// ── preview (content) ──────────────────────────────────────────────────────────────────────────────
export const previewPromptSchema = z.object({
  content: z.string(),
  highlights: z.array(z.string()),
  sectionsCount: z.number().int(),
  examplesCount: z.number().int(),
  readingTime: z.number().int(),
  /** When the content revises an existing skill (the improve workflow): a unified diff against the original. */
  diff: z.string().optional(),
});

export const previewResponseSchema = proceedOrRevise("refine");

// ── validate (review the validation) ───────────────────────────────────────────────────────────────
export const reviewPromptSchema = z.object({
  report: z.string(),
  passed: z.boolean(),
  validationScore: z.number(),
  content: z.string(),
  strengths: z.array(z.string()),
  weaknesses: z.array(z.string()),
  issues: z.array(z.string()),
  testCaseCount: z.number().int(),
  testCasesPreview: z.array(z.string()),
  /** The content score and its dimensions with evidence (absent on checkpoints stored before they existed). */
  quality: qualityDetailsSchema.optional(),
  scores: contentScoresSchema.optional(),
});

export const reviewResponseSchema = proceedOrRevise("refine");

export const CHECKPOINT_SCHEMAS = {
  clarify: { prompt: clarifyPromptSchema, response: clarifyResponseSchema, waits: CHECKPOINT_WAITS.clarify },
  structure_fix: {
    prompt: structureFixPromptSchema,
    response: structureFixResponseSchema,
    waits: CHECKPOINT_WAITS.structure_fix,
  },
  confirm: { prompt: confirmPromptSchema, response: confirmResponseSchema, waits: CHECKPOINT_WAITS.confirm },
  preview: { prompt: previewPromptSchema, response: previewResponseSchema, waits: CHECKPOINT_WAITS.preview },
  validate: { prompt: reviewPromptSchema, response: reviewResponseSchema, waits: CHECKPOINT_WAITS.validate },
} as const;

export type ClarifyPrompt = z.infer<typeof clarifyPromptSchema>;
export type ClarifyResponse = z.infer<typeof clarifyResponseSchema>;
export type StructureFixPrompt = z.infer<typeof structureFixPromptSchema>;
export type StructureFixResponse = z.infer<typeof structureFixResponseSchema>;
export type ConfirmPrompt = z.infer<typeof confirmPromptSchema>;
export type ConfirmResponse = z.infer<typeof confirmResponseSchema>;
export type PreviewPrompt = z.infer<typeof previewPromptSchema>;
export type PreviewResponse = z.infer<typeof previewResponseSchema>;
export type ReviewPrompt = z.infer<typeof reviewPromptSchema>;
export type ReviewResponse = z.infer<typeof reviewResponseSchema>;

export type CheckpointType = keyof typeof CHECKPOINT_SCHEMAS;
export const CHECKPOINT_TYPES = Object.keys(CHECKPOINT_SCHEMAS) as [CheckpointType, ...CheckpointType[]];
