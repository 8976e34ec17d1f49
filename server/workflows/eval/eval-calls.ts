import type { ToolSet } from "ai";
import { z } from "zod";
import type pLimit from "p-limit";
import { toJson, type Json } from "../../../contracts/json";
import type { Provenance } from "../../../contracts/provenance";
import type { StepIo, WorkflowContext } from "../../durable/engine";
import { LlmError, LlmTimeoutError } from "../../llm/errors";
import { estimateCostUsd } from "../../llm/prices";
import { provenanceOfFailure } from "../../llm/run-step";
import type { StepDefinition } from "../../llm/steps/types";
import { runRecorded } from "../kit/model-step";
import { EvalCapReached, type EvalBudget } from "./budget";

/**
 * One model call of an eval as a durable step (docs/evals.md): keyed deterministically, so after a restart a
 * finished call is read back from the store and never repeated. A model error or timeout is the call's outcome,
 * recorded and counted apart (not a failed assertion), with every request it made and the tokens they reported; a
 * cap reached or a cancellation stops the job.
 */
export interface CallCost {
  inputTokens: number;
  outputTokens: number;
  durationMs: number;
  /** USD, or null when the model has no known price. */
  costUsd: number | null;
  /** HTTP requests the call made (re-asks, retries and tool round trips included). */
  attempts: number;
}

export type CallOutcome<O> =
  ({ ok: true; output: O } & CallCost) | ({ ok: false; failure: "error" | "timeout"; error: string } & CallCost);

type Limit = ReturnType<typeof pLimit>;

const costShape = {
  inputTokens: z.number(),
  outputTokens: z.number(),
  durationMs: z.number(),
  costUsd: z.number().nullable(),
  attempts: z.number().int(),
};

/** A stored call outcome, read back against the step's own output schema (never cast). */
function outcomeSchema<O>(output: z.ZodType<O>) {
  return z.union([
    z.object({ ok: z.literal(true), output, ...costShape }),
    z.object({ ok: z.literal(false), failure: z.enum(["error", "timeout"]), error: z.string(), ...costShape }),
  ]);
}

/** What a call spent, whatever its outcome. */
export const costOf = (outcome: CallCost): CallCost => ({
  inputTokens: outcome.inputTokens,
  outputTokens: outcome.outputTokens,
  durationMs: outcome.durationMs,
  costUsd: outcome.costUsd,
  attempts: outcome.attempts,
});

/** Requests and tokens from a provenance; a count the provider did not report adds nothing (never a guess). */
function spentBy(provenance: Provenance | undefined, engine: string, durationMs: number): CallCost {
  const inputTokens = provenance?.tokens.input ?? 0;
  const outputTokens = provenance?.tokens.output ?? 0;
  const known = provenance?.tokens.input !== null && provenance?.tokens.output !== null;
  const costUsd = provenance && known ? estimateCostUsd(engine, { inputTokens, outputTokens }) : null;
  return { inputTokens, outputTokens, durationMs, costUsd, attempts: provenance?.requests.length ?? 1 };
}

/** A failed call's outcome; a cap reached, a cancellation or a stop is not an outcome: it ends the job. */
function failedOutcome(error: unknown, durationMs: number, signal: AbortSignal): CallOutcome<never> {
  if (signal.aborted || error instanceof EvalCapReached) throw error;
  if (error instanceof LlmError && error.kind === "stopped" && error.cause instanceof EvalCapReached) throw error.cause;
  const provenance = provenanceOfFailure(error);
  const failure = error instanceof LlmTimeoutError ? "timeout" : "error";
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, failure, error: message, ...spentBy(provenance, provenance?.engine ?? "", durationMs) };
}

export class EvalCalls {
  /** What every finished call spent (run now or read back after a restart): the job's usage. */
  readonly spent: CallCost[] = [];

  constructor(
    private readonly ctx: WorkflowContext,
    private readonly budget: EvalBudget,
    private readonly limit: Limit,
  ) {}

  get used() {
    return this.budget.used;
  }

  /** Whether `calls` more requests fit under the job's caps. */
  fits(calls: number): boolean {
    return this.budget.fits(calls);
  }

  async call<I, O>(key: string, step: StepDefinition<I, O>, input: I, tools?: ToolSet): Promise<CallOutcome<O>> {
    let ran = false;
    const schema = outcomeSchema(step.output);
    // A stored outcome whose output no longer fits the step's schema is not replayed: the call runs again.
    const accept = (stored: Json) => schema.safeParse(stored).success;
    const work = (io: StepIo) => ((ran = true), this.attempt(io, step, input, tools));
    const stored = await this.limit(() => this.ctx.run(key, work, { accept }));
    const outcome = schema.parse(stored) as CallOutcome<O>;
    // A call run now was counted request by request; one replayed from the store is counted here.
    if (!ran) this.budget.record(outcome.attempts, outcome.inputTokens + outcome.outputTokens);
    this.spent.push(costOf(outcome));
    return outcome;
  }

  /** The call under this eval's caps; its outcome (success or failure) is what the step stores. */
  private async attempt<I, O>(io: StepIo, step: StepDefinition<I, O>, input: I, tools?: ToolSet): Promise<Json> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    this.budget.check(); // a call past a cap does not start, whatever engine would answer it
    try {
      const beforeRequest = () => this.budget.startRequest();
      const result = await runRecorded(io, step, input, { tools, beforeRequest });
      const cost = spentBy(result.provenance, result.engine, elapsed());
      this.budget.addTokens(cost.inputTokens + cost.outputTokens);
      return toJson({ ok: true, output: result.output, ...cost });
    } catch (error) {
      const outcome = failedOutcome(error, elapsed(), io.signal);
      this.budget.addTokens(outcome.inputTokens + outcome.outputTokens);
      return toJson(outcome);
    }
  }
}
