import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../../../server/common/env";

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("expected the settings to be rejected");
}

describe("env validation", () => {
  it("starts with no settings at all: embedded database, offline engine", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("pglite:./data/pglite");
    expect(env.SKILL_FLEET_MODEL).toBeUndefined();
    expect(env.SKILL_FLEET_MAX_CONCURRENT_JOBS).toBe(4);
    expect(env.SKILL_FLEET_ALLOW_LLM_FALLBACK).toBe(true);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ SKILL_FLEET_MODEL: "", DATABASE_URL: "" }).DATABASE_URL).toBe("pglite:./data/pglite");
  });

  it("accepts a PostgreSQL URL and typed numbers and flags", () => {
    const env = parseEnv({
      DATABASE_URL: "postgresql://u:p@db:5432/app",
      SKILL_FLEET_MAX_CONCURRENT_JOBS: "8",
      SKILL_FLEET_ALLOW_LLM_FALLBACK: "false",
    });
    expect([env.DATABASE_URL, env.SKILL_FLEET_MAX_CONCURRENT_JOBS, env.SKILL_FLEET_ALLOW_LLM_FALLBACK]).toEqual([
      "postgresql://u:p@db:5432/app",
      8,
      false,
    ]);
  });

  it("names the variable, the rule and the bad value", () => {
    expect(problemsOf({ DATABASE_URL: "mysql://x" })).toEqual([
      expect.stringMatching(/^DATABASE_URL: must be postgresql:\/\/… .* \(got "mysql:\/\/x"\)$/),
    ]);
    expect(problemsOf({ SKILL_FLEET_MAX_CONCURRENT_JOBS: "zero" })).toEqual([
      expect.stringContaining("SKILL_FLEET_MAX_CONCURRENT_JOBS: must be a number"),
    ]);
    expect(problemsOf({ SKILL_FLEET_MAX_CONCURRENT_JOBS: "0" })).toEqual([
      expect.stringContaining("must be at least 1"),
    ]);
    expect(problemsOf({ SKILL_FLEET_ALLOW_LLM_FALLBACK: "maybe" })).toEqual([
      expect.stringContaining("must be one of true, false"),
    ]);
  });

  it("rejects unknown enum values and model specs", () => {
    expect(problemsOf({ SKILL_FLEET_LOG_LEVEL: "loud" })[0]).toMatch(/^SKILL_FLEET_LOG_LEVEL: .*got "loud"/);
    expect(problemsOf({ SKILL_FLEET_MODEL: "gpt-4" })[0]).toMatch(/must look like provider:model/);
    expect(problemsOf({ SKILL_FLEET_MODEL: "acme:big" })[0]).toMatch(
      /provider must be one of openai, anthropic, google/,
    );
  });

  it("reports every problem at once", () => {
    expect(problemsOf({ DATABASE_URL: "x", SKILL_FLEET_LEASE_MS: "-1", NODE_ENV: "staging" })).toHaveLength(3);
  });

  it("refuses scripted models in production and needs a base URL for openai-compatible", () => {
    expect(problemsOf({ NODE_ENV: "production", SKILL_FLEET_MODEL: "scripted:happy" })[0]).toMatch(
      /refused in production/,
    );
    expect(problemsOf({ SKILL_FLEET_MODEL: "openai-compatible:llama3" })[0]).toMatch(
      /^SKILL_FLEET_LLM_BASE_URL: is required/,
    );
    expect(
      parseEnv({ SKILL_FLEET_MODEL: "openai-compatible:llama3", SKILL_FLEET_LLM_BASE_URL: "http://127.0.0.1:11434/v1" })
        .SKILL_FLEET_MODEL,
    ).toBe("openai-compatible:llama3");
  });

  it("formats the error message as a readable list", () => {
    const error = new EnvError(["A: bad", "B: worse"]);
    expect(error.message).toBe("Invalid configuration:\n  - A: bad\n  - B: worse");
  });
});
