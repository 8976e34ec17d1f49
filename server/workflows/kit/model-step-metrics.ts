import { estimateCostUsd } from "../../llm/prices";
import type { StepResult } from "../../llm/run-step";
import { recordModelStep } from "../../observability/model-metrics";

/**
 * A finished model step as metrics (docs/operations.md): labelled by the model that was asked (a fallback counts
 * against the model that failed), its duration, each request, the tokens and the estimated cost of what ran.
 */
export function recordModelStepResult(result: StepResult<unknown>): void {
  const { provenance } = result;
  recordModelStep({
    model: provenance.engine,
    step: provenance.step,
    source: provenance.source,
    seconds: result.durationMs / 1000,
    requests: provenance.requests,
    tokens: { input: provenance.tokens.input, output: provenance.tokens.output },
    costUsd: estimateCostUsd(result.engine, result.usage),
  });
}
