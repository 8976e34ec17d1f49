import type { ToolSet } from "ai";
import { toJson, type Json } from "../../../contracts/json";
import { readProvenance, type Provenance } from "../../../contracts/provenance";
import type { RunOptions, StepIo, WorkflowContext } from "../../durable/engine";
import { modelFor } from "../../llm/models";
import { provenanceOfFailure, runStep, type StepResult } from "../../llm/run-step";
import type { StepDefinition } from "../../llm/steps/types";
import { recordModelStepResult } from "./model-step-metrics";

/**
 * The one durable model step every workflow uses (docs/architecture.md, The workflow kit): the step runs once
 * (offline engine or model, through runStep) and is replayed from the store afterwards — but only while its stored
 * output still fits the step's output schema; a stored output that no longer does (a deploy changed the shape) is not
 * cast into the new type: the step runs again. What it records: the engine, the input, the provenance (who wrote the
 * output, every request, the tokens), also for a step that failed.
 */
export interface ModelStepOptions {
  lead?: Omit<RunOptions, "accept">;
  onToken?: (text: string) => void;
  onStreamReset?: () => void;
  tools?: ToolSet;
  /** Before every HTTP request (an eval's caps); throw to refuse it. */
  beforeRequest?: () => void;
  /** What else the step stores with its end (a reasoning snippet), given the output. */
  note?: (io: StepIo, output: unknown) => void;
}

export interface ModelStepResult<O> {
  output: O;
  /** Null for a step recorded before provenance was kept. */
  provenance: Provenance | null;
}

/**
 * Runs a model step inside a durable step's work, recording what it ran on, its input, its usage and its provenance
 * (also when it fails: the error is rethrown after its requests are recorded). The one place a workflow calls runStep.
 */
export async function runRecorded<I, O>(
  io: StepIo,
  step: StepDefinition<I, O>,
  input: I,
  options: Omit<ModelStepOptions, "lead" | "note">,
): Promise<StepResult<O>> {
  // Recorded before the call, so a step that fails still shows what it ran on and was given.
  io.reportCall({ model: (await modelFor(step.name)).engine, input: toJson(input) });
  try {
    const result = await runStep(step, input, {
      signal: io.signal,
      onToken: options.onToken,
      onStreamReset: options.onStreamReset,
      tools: options.tools,
      beforeRequest: options.beforeRequest,
    });
    io.reportUsage(result.usage);
    io.reportCall({ model: result.engine, provenance: toJson(result.provenance) });
    recordModelStepResult(result);
    return result;
  } catch (error) {
    const provenance = provenanceOfFailure(error);
    if (provenance) {
      io.reportUsage({
        inputTokens: provenance.tokens.input ?? undefined,
        outputTokens: provenance.tokens.output ?? undefined,
        totalTokens: provenance.tokens.total ?? undefined,
      });
      io.reportCall({ provenance: toJson(provenance) });
    }
    throw error;
  }
}

async function work<I, O>(io: StepIo, step: StepDefinition<I, O>, input: I, options: ModelStepOptions): Promise<Json> {
  const result = await runRecorded(io, step, input, options);
  options.note?.(io, result.output);
  return toJson(result.output);
}

export async function modelStep<I, O>(
  ctx: WorkflowContext,
  key: string,
  step: StepDefinition<I, O>,
  input: I,
  options: ModelStepOptions = {},
): Promise<ModelStepResult<O>> {
  const accept = (stored: Json) => step.output.safeParse(stored).success;
  const stored = await ctx.run(key, (io) => work(io, step, input, options), { ...options.lead, accept });
  const record = (await ctx.steps()).find((s) => s.key === key);
  return { output: step.output.parse(stored), provenance: readProvenance(record?.provenance) };
}
