import { afterEach, describe, expect, it, vi } from "vitest";
import type * as LoggerModule from "../../../server/common/logger";

const warn = vi.fn();
vi.mock("../../../server/common/logger", async (importOriginal) => {
  const actual = await importOriginal<typeof LoggerModule>();
  return { ...actual, loggerFor: () => ({ warn }) };
});

const { withLlmFallback } = await import("../../../server/llm/fallback");
const { resetEnvForTests } = await import("../../../server/common/env");
const { LlmAbortedError } = await import("../../../server/llm/errors");

describe("withLlmFallback", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvForTests();
    warn.mockReset();
  });

  const fail = (message: string) => () => Promise.reject(new Error(message));

  it("returns the value when the step succeeds", async () => {
    expect(
      await withLlmFallback(
        () => Promise.resolve(1),
        () => 2,
        "x",
      ),
    ).toEqual({ value: 1, usedFallback: false });
    expect(warn).not.toHaveBeenCalled();
  });

  it("uses the fallback when enabled and logs one sanitised line", async () => {
    vi.stubEnv("SKILL_FLEET_ALLOW_LLM_FALLBACK", "1");
    resetEnvForTests();
    const result = await withLlmFallback(
      fail("upstream said\nFAKE LOG LINE api_key=sk-abcdefghijklmnop"),
      () => 2,
      "step x for task\ninjected line",
    );
    expect(result).toMatchObject({ value: 2, usedFallback: true });
    expect(warn).toHaveBeenCalledTimes(1);
    const fields = warn.mock.calls[0]?.[0] as Record<string, string>;
    expect(fields.fallback).toBe("step x for task injected line");
    expect(fields.err).not.toContain("\n");
    expect(fields.err).not.toContain("sk-abcdefghijklmnop");
  });

  it("rethrows when fallbacks are off, unless the step's fallback is unconditional", async () => {
    vi.stubEnv("SKILL_FLEET_ALLOW_LLM_FALLBACK", "false");
    resetEnvForTests();
    await expect(withLlmFallback(fail("boom"), () => 2, "x")).rejects.toThrow("boom");
    expect(await withLlmFallback(fail("boom"), () => 2, "x", { always: true })).toMatchObject({
      value: 2,
      usedFallback: true,
    });
  });

  it("never turns a cancellation into a fallback", async () => {
    vi.stubEnv("SKILL_FLEET_ALLOW_LLM_FALLBACK", "true");
    resetEnvForTests();
    await expect(
      withLlmFallback(
        () => Promise.reject(new LlmAbortedError("x")),
        () => 2,
        "x",
        { always: true },
      ),
    ).rejects.toBeInstanceOf(LlmAbortedError);
  });
});
