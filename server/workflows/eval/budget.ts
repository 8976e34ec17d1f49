/**
 * The caps of one eval job (docs/evals.md, Honest accounting): model requests and tokens. Every HTTP request counts
 * (re-asks, retries and tool round trips too) and is counted as it starts, so calls running in parallel cannot pass
 * the request cap; tokens are only known afterwards, so the token cap stops the next request once it has been
 * reached. On a replay the finished calls are recorded again from the store, so the tally is the same as before the
 * restart.
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
  private requests = 0;
  private tokens = 0;

  constructor(private readonly limits: EvalLimits) {}

  /** One request about to start: refused (EvalCapReached) when it would pass a cap, else counted now. */
  startRequest(): void {
    this.check();
    this.requests += 1;
  }

  /** Refuses (EvalCapReached) when one more request would pass a cap; counts nothing. */
  check(): void {
    if (this.requests + 1 > this.limits.maxCalls)
      throw new EvalCapReached(
        `Eval stopped: the cap of ${this.limits.maxCalls} model calls per eval job was reached (SKILL_FLEET_EVAL_MAX_CALLS)`,
      );
    if (this.tokens >= this.limits.maxTokens)
      throw new EvalCapReached(
        `Eval stopped: the cap of ${this.limits.maxTokens} tokens per eval job was reached after ${this.tokens} tokens (SKILL_FLEET_EVAL_MAX_TOKENS)`,
      );
  }

  /** Tokens a finished call reported (its requests were counted as they started). */
  addTokens(tokens: number): void {
    this.tokens += tokens;
  }

  /** A call read back from the store after a restart: its requests and tokens count again. */
  record(requests: number, tokens: number): void {
    this.requests += requests;
    this.tokens += tokens;
  }

  /** Whether `requests` more requests fit under both caps (optional work, like tuning, asks before it starts). */
  fits(requests: number): boolean {
    return this.requests + requests <= this.limits.maxCalls && this.tokens < this.limits.maxTokens;
  }

  get used(): { calls: number; tokens: number } {
    return { calls: this.requests, tokens: this.tokens };
  }
}
