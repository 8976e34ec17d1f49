import type { z } from "zod";
import { toJson, toJsonObject } from "../../../contracts/json";
import { modelStep } from "../kit/model-step";
import type { StepDefinition } from "../../llm/steps/types";
import { CHECKPOINT_SCHEMAS } from "../../../contracts/checkpoints";
import type { PhaseEntry, Progress, StepIo, WorkflowContext } from "../../durable/engine";
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
  /** The phase entered and where the progress bar moves, announced by the next step or checkpoint as it begins. */
  private nextPhase: PhaseEntry | undefined;
  private nextProgress: Progress | undefined;

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

  /** Starts (or re-starts, for a later round) this phase: its first step or checkpoint announces it. */
  protected enter(round = 1): void {
    this.round = round;
    this.nextPhase = { name: this.phaseName, round };
  }

  /**
   * Moves the job's progress within this phase's share of the bar (fraction 0–1) as the next step or checkpoint
   * begins: the move is written with it, not on its own (docs/performance.md).
   */
  protected progress(fraction: number, message: string): void {
    const [from, to] = this.progressRange;
    this.nextProgress = { percent: from + (to - from) * Math.min(1, Math.max(0, fraction)), message };
  }

  /** What the next step or checkpoint announces as it begins (docs/performance.md: no write of its own). */
  private lead(): { phase?: PhaseEntry; progress?: Progress } {
    const lead = { phase: this.nextPhase, progress: this.nextProgress };
    this.nextPhase = this.nextProgress = undefined;
    return lead;
  }

  /**
   * One model step, durably (the kit's modelStep): run once (offline engine or model), replayed from the store while
   * its output still fits the step's schema, with its provenance recorded.
   */
  protected async model<I, O>(name: string, step: StepDefinition<I, O>, input: I): Promise<O> {
    const streams = Boolean(step.streamField);
    const { output } = await modelStep(this.ctx, this.key(name), step, input, {
      lead: this.lead(),
      onToken: streams ? (text) => this.ctx.token(text) : undefined,
      onStreamReset: streams ? () => this.ctx.token("", { reset: true }) : undefined,
      note: (io, value) => this.reasoning(io, name, value),
    });
    return output;
  }

  /** A step that is plain computation (rule validation, file writes): durable like model steps. */
  protected async compute<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
    const work = async () => toJson(await fn());
    return (await this.ctx.run(this.key(name), work, this.lead())) as T;
  }

  /** A human checkpoint: waits for the answer (suspending the job), validates it, and honours `cancel`. */
  protected async ask<T extends CheckpointType>(
    name: string,
    type: T,
    prompt: z.infer<(typeof CHECKPOINT_SCHEMAS)[T]["prompt"]>,
  ): Promise<CheckpointAnswer<T>> {
    const { waits } = CHECKPOINT_SCHEMAS[type];
    const request = { type, prompt: toJsonObject(prompt), waits, ...this.lead() };
    const raw = await this.ctx.ask(this.key(name), request);
    const answer = CHECKPOINT_SCHEMAS[type].response.parse(raw) as { action: string };
    if (answer.action === "cancel") throw new CancelledError("Cancelled by user at the checkpoint");
    return answer as CheckpointAnswer<T>;
  }

  /** The step's reasoning snippet, stored with the step's end. */
  private reasoning(io: StepIo, step: string, output: unknown): void {
    const text = typeof output === "object" && output !== null && "reasoning" in output ? output.reasoning : null;
    if (typeof text !== "string" || !text.trim()) return;
    const snippet = text.length > REASONING_SNIPPET ? `${text.slice(0, REASONING_SNIPPET)}…` : text;
    io.note({ type: "reasoning", message: snippet, data: { step } });
  }
}
