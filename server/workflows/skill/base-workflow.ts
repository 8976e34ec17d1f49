import type { z } from "zod";
import { toJson, toJsonObject } from "../../../contracts/json";
import { modelFor } from "../../llm/models";
import { runStep } from "../../llm/run-step";
import type { StepDefinition } from "../../llm/steps/types";
import { CHECKPOINT_SCHEMAS } from "../../../contracts/checkpoints";
import type { WorkflowContext } from "../../durable/engine";
import { CancelledError } from "../../durable/signals";

export type PhaseName = "Understanding" | "Generation" | "Validation";
type CheckpointType = keyof typeof CHECKPOINT_SCHEMAS;
export type CheckpointAnswer<T extends CheckpointType> = Exclude<
  z.infer<(typeof CHECKPOINT_SCHEMAS)[T]["response"]>,
  { action: "cancel" }
>;

const REASONING_SNIPPET = 400;

/**
 * The pattern every phase shares (docs/workflow.md): durable keyed steps (`<phase>#<round>/<step>`), phase start/end,
 * progress, reasoning snippets, token streaming, usage and timing (recorded by the engine), and checkpoints whose
 * answers are validated against their type and turn `cancel` into a cancelled job. A phase subclass is then a
 * short list of named steps.
 */
export abstract class BaseWorkflow {
  protected round = 1;

  constructor(
    protected readonly ctx: WorkflowContext,
    private readonly phaseName: PhaseName,
    private readonly progressRange: readonly [number, number],
  ) {}

  protected get task(): string {
    return this.ctx.job.task;
  }

  protected key(step: string): string {
    return `${this.phaseName.toLowerCase()}#${this.round}/${step}`;
  }

  /** Starts (or re-starts, for a later round) this phase. */
  protected async enter(round = 1): Promise<void> {
    this.round = round;
    await this.ctx.phase(this.phaseName, round);
  }

  /** Moves the job's progress within this phase's share of the bar (fraction 0–1). */
  protected async progress(fraction: number, message: string): Promise<void> {
    const [from, to] = this.progressRange;
    await this.ctx.progress(from + (to - from) * Math.min(1, Math.max(0, fraction)), message);
  }

  /** One model step, durably: run once (offline engine or model), replayed from the store afterwards. */
  protected async model<I, O>(name: string, step: StepDefinition<I, O>, input: I): Promise<O> {
    const stored = await this.ctx.run(this.key(name), async (io) => {
      const onToken = step.streamField ? (text: string) => this.ctx.token(text) : undefined;
      // Recorded before the call, so a step that fails still shows what it ran on and was given.
      io.reportCall({ model: (await modelFor(step.name)).engine, input: toJson(input) });
      const result = await runStep(step, input, { signal: io.signal, onToken });
      io.reportUsage(result.usage);
      io.reportCall({ model: result.engine });
      await this.reasoning(name, result.output);
      return toJson(result.output);
    });
    return stored as O;
  }

  /** A step that is plain computation (rule validation, file writes): durable like model steps. */
  protected async compute<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
    return (await this.ctx.run(this.key(name), async () => toJson(await fn()))) as T;
  }

  /** A human checkpoint: waits for the answer (suspending the job), validates it, and honours `cancel`. */
  protected async ask<T extends CheckpointType>(
    name: string,
    type: T,
    prompt: z.infer<(typeof CHECKPOINT_SCHEMAS)[T]["prompt"]>,
  ): Promise<CheckpointAnswer<T>> {
    const { waits } = CHECKPOINT_SCHEMAS[type];
    const raw = await this.ctx.ask(this.key(name), { type, prompt: toJsonObject(prompt), waits });
    const answer = CHECKPOINT_SCHEMAS[type].response.parse(raw) as { action: string };
    if (answer.action === "cancel") throw new CancelledError("Cancelled by user at the checkpoint");
    return answer as CheckpointAnswer<T>;
  }

  private async reasoning(step: string, output: unknown): Promise<void> {
    const text = typeof output === "object" && output !== null && "reasoning" in output ? output.reasoning : null;
    if (typeof text !== "string" || !text.trim()) return;
    const snippet = text.length > REASONING_SNIPPET ? `${text.slice(0, REASONING_SNIPPET)}…` : text;
    await this.ctx.emit({ type: "reasoning", message: snippet, data: { step } });
  }
}
