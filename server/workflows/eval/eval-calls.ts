import type { ToolSet } from "ai";
import type pLimit from "p-limit";
import { toJson, type Json } from "../../../contracts/json";
import type { StepIo, WorkflowContext } from "../../durable/engine";
import { LlmTimeoutError } from "../../llm/errors";
import { estimateCostUsd } from "../../llm/prices";
import { modelFor } from "../../llm/models";
import { runStep } from "../../llm/run-step";
import type { StepDefinition } from "../../llm/steps/types";
import { EvalCapReached, type EvalBudget } from "./budget";

/**
 * One model call of an eval as a durable step (docs/evals.md): keyed deterministically, so after a restart a
 * finished call is read back from the store and never repeated. A model error or timeout is the call's outcome,
 * recorded and counted apart (not a failed assertion); a cap reached or a cancellation stops the job.
 */
export interface CallCost {
  inputTokens: number;
  outputTokens: number;
  durationMs: number;
  /** USD, or null when the model has no known price. */
  costUsd: number | null;
  attempts: number;
}

export type CallOutcome<O> =
  ({ ok: true; output: O } & CallCost) | ({ ok: false; failure: "error" | "timeout"; error: string } & CallCost);

type Limit = ReturnType<typeof pLimit>;

/** What a call spent, whatever its outcome. */
export const costOf = (outcome: CallCost): CallCost => ({
  inputTokens: outcome.inputTokens,
  outputTokens: outcome.outputTokens,
  durationMs: outcome.durationMs,
  costUsd: outcome.costUsd,
  attempts: outcome.attempts,
});

// A failed call reports no usage: its tokens count as 0 and its cost as unknown, never as a guess.
const NO_COST = { inputTokens: 0, outputTokens: 0, costUsd: null, attempts: 1 };

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

  /** Whether `calls` more calls fit under the job's caps. */
  fits(calls: number): boolean {
    return this.budget.fits(calls);
  }

  async call<I, O>(key: string, step: StepDefinition<I, O>, input: I, tools?: ToolSet): Promise<CallOutcome<O>> {
    let ran = false;
    const work = (io: StepIo) => ((ran = true), this.attempt(io, step, input, tools));
    const outcome = (await this.limit(() => this.ctx.run(key, work))) as unknown as CallOutcome<O>;
    // A call run now was recorded as it ended; one replayed from the store is recorded here.
    if (!ran) this.budget.record(outcome.attempts, outcome.inputTokens + outcome.outputTokens);
    this.spent.push(costOf(outcome));
    return outcome;
  }

  private async attempt<I, O>(io: StepIo, step: StepDefinition<I, O>, input: I, tools?: ToolSet): Promise<Json> {
    this.budget.reserve();
    const outcome = await this.outcome(io, step, input, tools).finally(() => this.budget.release());
    // Recorded before the slot is released to the next call, so the cap counts it at once.
    this.budget.record(outcome.attempts, outcome.inputTokens + outcome.outputTokens);
    return toJson(outcome);
  }

  private async outcome<I, O>(
    io: StepIo,
    step: StepDefinition<I, O>,
    input: I,
    tools?: ToolSet,
  ): Promise<CallOutcome<O>> {
    const started = performance.now();
    try {
      io.reportCall({ model: (await modelFor(step.name)).engine, input: toJson(input) });
      const result = await runStep(step, input, { signal: io.signal, tools });
      io.reportUsage(result.usage);
      const { inputTokens, outputTokens } = result.usage;
      const costUsd = estimateCostUsd(result.engine, result.usage);
      return {
        ok: true,
        output: result.output,
        inputTokens,
        outputTokens,
        durationMs: result.durationMs,
        costUsd,
        attempts: result.attempts,
      };
    } catch (error) {
      if (io.signal.aborted || error instanceof EvalCapReached) throw error;
      const durationMs = Math.round(performance.now() - started);
      const failure = error instanceof LlmTimeoutError ? "timeout" : "error";
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, failure, error: message, ...NO_COST, durationMs };
    }
  }
}
