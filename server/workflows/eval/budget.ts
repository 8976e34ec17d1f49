/**
 * The caps of one eval job (docs/evals.md, Honest accounting): model calls and tokens. Calls in flight are
 * reserved before they start, so parallel calls cannot overshoot the call cap; tokens are only known afterwards,
 * so the token cap stops the next call once it has been reached. On a replay the finished calls are recorded
 * again from the store, so the tally is the same as before the restart.
 */
export interface EvalLimits {
  maxCalls: number;
  maxTokens: number;
}

export class EvalCapReached extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EvalCapReached";
  }
}

export class EvalBudget {
  private calls = 0;
  private tokens = 0;
  private inFlight = 0;

  constructor(private readonly limits: EvalLimits) {}

  /** Reserves one call; throws EvalCapReached when a cap would be passed. */
  reserve(): void {
    if (this.calls + this.inFlight >= this.limits.maxCalls)
      throw new EvalCapReached(
        `Eval stopped: the cap of ${this.limits.maxCalls} model calls per eval job was reached (SKILL_FLEET_EVAL_MAX_CALLS)`,
      );
    if (this.tokens >= this.limits.maxTokens)
      throw new EvalCapReached(
        `Eval stopped: the cap of ${this.limits.maxTokens} tokens per eval job was reached after ${this.tokens} tokens (SKILL_FLEET_EVAL_MAX_TOKENS)`,
      );
    this.inFlight += 1;
  }

  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  /** A finished call (run now or replayed): its attempts count as calls, its tokens against the token cap. */
  record(attempts: number, tokens: number): void {
    this.calls += attempts;
    this.tokens += tokens;
  }

  /** Whether `calls` more calls fit under both caps (optional work, like tuning, asks before it starts). */
  fits(calls: number): boolean {
    return this.calls + this.inFlight + calls <= this.limits.maxCalls && this.tokens < this.limits.maxTokens;
  }

  get used(): { calls: number; tokens: number } {
    return { calls: this.calls, tokens: this.tokens };
  }
}
