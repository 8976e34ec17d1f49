/**
 * A failed job's reason as a person would say it, with what to do next (docs/ui.md, End states). The recorded
 * error comes from the engine's own error types (server/llm/errors.ts, the runner's expiry); the raw text stays
 * available under "Details".
 */
export interface FailureExplanation {
  reason: string;
  advice: string;
}

interface Pattern {
  match: RegExp;
  reason: (m: RegExpExecArray) => string;
  advice: string;
}

const plural = (count: string, word: string) => `${count} ${word}${count === "1" ? "" : "s"}`;

const PATTERNS: Pattern[] = [
  {
    match: /failed to reach the model after (\d+) attempt/,
    reason: (m) => `The model could not be reached (tried ${plural(m[1] ?? "1", "time")}).`,
    advice: "Check that the model's service is up and its API key is valid, then run the job again.",
  },
  {
    match: /the model server refused the request \(HTTP (\d+)\)/,
    reason: (m) => `The model server refused the request (HTTP ${m[1]}): asking again would not change its answer.`,
    advice:
      "Check the model name, the API key and the base URL the server uses (docs/models.md), then run the job again.",
  },
  {
    match: /reply was cut off at its output limit/,
    reason: () => "The model's reply was cut off at its output limit, also when asked again with twice the budget.",
    advice: "Raise SKILL_FLEET_LLM_MAX_OUTPUT_TOKENS, or pick a model with a larger output, then run the job again.",
  },
  {
    match: /did not answer within (\d+) ms/,
    reason: (m) => `The model did not answer within ${Math.round(Number(m[1]) / 1000)} seconds.`,
    advice: "Run the job again; if it keeps happening, raise SKILL_FLEET_LLM_TIMEOUT_MS or pick a faster model.",
  },
  {
    match: /does not match its schema after (\d+) attempts/,
    reason: (m) => `The model's answer was not in the expected form, even after ${plural(m[1] ?? "1", "attempt")}.`,
    advice: "Run the job again, or pick a more capable model for this step.",
  },
  {
    match: /Checkpoint '(\w+)' was not answered before its deadline/,
    reason: () => "Nobody answered the job's question before its deadline.",
    advice: "Run the job again and answer when it asks; the deadline is shown next to each question.",
  },
  {
    match: /Model configuration is incomplete/,
    reason: () => "The model is not fully configured on the server.",
    advice: "Set the variables named in the details, restart the server, then run the job again.",
  },
];

export function explainFailure(error: string | null): FailureExplanation {
  for (const pattern of PATTERNS) {
    const match = pattern.match.exec(error ?? "");
    if (match) return { reason: pattern.reason(match), advice: pattern.advice };
  }
  return {
    reason: error ? `The step reported: “${error}”` : "No reason was recorded.",
    advice: "Run the job again. If it fails the same way, the timeline shows what each step was given and returned.",
  };
}
