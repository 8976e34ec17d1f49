import { metrics } from "./metrics";

/** What one model step reports (server/workflows/kit/model-step-metrics.ts builds it from the step's result). */
export interface ModelStepSample {
  model: string;
  step: string;
  source: "model" | "fallback" | "offline";
  seconds: number;
  requests: readonly { outcome: string; durationMs: number }[];
  tokens: { input: number | null; output: number | null };
  /** Null when the price is unknown (an unlisted model, or no token counts). */
  costUsd: number | null;
}

export function recordModelStep(sample: ModelStepSample): void {
  const m = metrics();
  const { model, step, source } = sample;
  m.modelSteps.observe({ model, step, source }, sample.seconds);
  for (const request of sample.requests)
    m.modelRequests.observe({ model, outcome: request.outcome }, request.durationMs / 1000);
  if (sample.tokens.input) m.tokens.inc({ model, kind: "input" }, sample.tokens.input);
  if (sample.tokens.output) m.tokens.inc({ model, kind: "output" }, sample.tokens.output);
  if (sample.costUsd) m.cost.inc({ model }, sample.costUsd);
  if (source === "fallback") m.fallbacks.inc({ step, model });
}
