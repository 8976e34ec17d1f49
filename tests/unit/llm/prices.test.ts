import { describe, expect, it } from "vitest";
import { estimateCostUsd } from "../../../server/llm/prices";

/** Estimated cost per step: tokens × list price, nothing for the offline engine, null rather than a guess. */
describe("estimateCostUsd", () => {
  it("prices input and output tokens at the model's rates per million", () => {
    // 1,000 × $3/M + 500 × $15/M = $0.003 + $0.0075
    expect(estimateCostUsd("anthropic:claude-sonnet-4-5", { inputTokens: 1000, outputTokens: 500 })).toBeCloseTo(
      0.0105,
      10,
    );
    expect(estimateCostUsd("openai:gpt-4.1-mini", { inputTokens: 1_000_000, outputTokens: 0 })).toBeCloseTo(0.4, 10);
  });

  it("reads dated and -latest model ids as the model they name", () => {
    const usage = { inputTokens: 2000, outputTokens: 100 };
    expect(estimateCostUsd("anthropic:claude-sonnet-4-5-20250929", usage)).toBe(
      estimateCostUsd("anthropic:claude-sonnet-4-5", usage),
    );
  });

  it("costs nothing offline, and is unknown for unlisted models or missing token counts", () => {
    expect(estimateCostUsd("offline", {})).toBe(0);
    expect(estimateCostUsd("openai-compatible:llama3.1", { inputTokens: 10, outputTokens: 10 })).toBeNull();
    expect(estimateCostUsd("scripted:happy", { inputTokens: 10, outputTokens: 10 })).toBeNull();
    expect(estimateCostUsd("openai:gpt-4.1-mini", { inputTokens: 10 })).toBeNull();
  });
});
