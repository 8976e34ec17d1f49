import { TASK_MAX_CHARS, TASK_MIN_CHARS } from "@/contracts/limits";

/** The create form's rules: the server's own limits (contracts/limits.ts), checked inline. */
export const TASK_MIN = TASK_MIN_CHARS;
export const TASK_MAX = TASK_MAX_CHARS;

export interface CreateOptions {
  confirmPlan: boolean;
  previewContent: boolean;
  reviewValidation: boolean;
  streamTokens: boolean;
}

export const OPTION_FIELDS: { key: keyof CreateOptions; label: string; help: string }[] = [
  {
    key: "confirmPlan",
    label: "Confirm the plan",
    help: "pause after Understanding so you can approve or revise the plan.",
  },
  {
    key: "previewContent",
    label: "Preview the content",
    help: "pause after Generation to read the SKILL.md and ask for changes.",
  },
  {
    key: "reviewValidation",
    label: "Review the validation",
    help: "pause after Validation to accept the report or ask for a refinement.",
  },
  { key: "streamTokens", label: "Stream tokens", help: "watch the SKILL.md being written as the model produces it." },
];

export const EXAMPLE_TASKS = [
  "Create a skill for debugging flaky Playwright tests",
  "Write a skill that reviews PostgreSQL migrations for locking problems before they ship",
  "A skill for writing clear incident postmortems from a Slack thread and a timeline",
];

export function taskProblem(task: string): string | null {
  const length = task.trim().length;
  if (length === 0) return "Describe the task the skill is for.";
  if (length < TASK_MIN) return `Say a little more: at least ${TASK_MIN} characters (${length} so far).`;
  if (length > TASK_MAX)
    return `That is too long: at most ${TASK_MAX.toLocaleString("en")} characters (${length.toLocaleString("en")} now). Shorten it; nothing is cut for you.`;
  return null;
}
