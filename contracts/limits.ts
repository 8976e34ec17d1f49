/**
 * Length limits the server enforces and the forms check as you type (with a counter that blocks, never a silent
 * cut). Plain constants, no zod: the browser bundle stays free of a validator it does not need.
 */

/** A task is 10–20,000 characters (after trimming); longer input is refused, never cut. */
export const TASK_MIN_CHARS = 10;
export const TASK_MAX_CHARS = 20_000;

/** Feedback that asks for a revision or a refinement, and a free-text answer to a clarifying question. */
export const FEEDBACK_MAX_CHARS = 5_000;
export const ANSWER_TEXT_MAX_CHARS = 5_000;

/** A person's note on one output of an eval (docs/evals.md, Feedback). */
export const EVAL_NOTE_MAX_CHARS = 2_000;

/** The Agent Skills specification's limits on a skill's name and description. */
export const SKILL_NAME_MAX_CHARS = 64;
export const SKILL_DESCRIPTION_MAX_CHARS = 1_024;

/**
 * The default number of tRPC calls one HTTP request may carry (SKILL_FLEET_MAX_BATCH); the UI's and the CLI's
 * batch links split larger batches so they never exceed it.
 */
export const DEFAULT_MAX_BATCH = 20;
