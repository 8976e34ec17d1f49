import { afterEach, describe, expect, it, vi } from "vitest";
import { EnvError, parseEnv, resetEnvForTests } from "../../../server/common/env";
import { LlmConfigError } from "../../../server/llm/errors";
import {
  assertModelConfiguration,
  configurationProblems,
  engineFor,
  modelFor,
  stepVariable,
} from "../../../server/llm/models";
import { runStep } from "../../../server/llm/run-step";
import { gatherRequirements } from "../../../server/llm/steps";

const settings = (vars: Record<string, string>) => parseEnv({ NODE_ENV: "test", ...vars });

describe("model selection", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvForTests();
  });

  it("is offline when no model is configured, and runs steps on the offline engine", async () => {
    vi.stubEnv("SKILL_FLEET_MODEL", "");
    resetEnvForTests();
    expect(engineFor("generateContent")).toBe("offline");
    expect((await modelFor("generateContent")).model).toBeUndefined();
    const result = await runStep(gatherRequirements, { taskDescription: "Tune slow PostgreSQL queries with indexes" });
    expect(result.engine).toBe("offline");
    expect(result.usage.totalTokens).toBe(0);
  });

  it("rejects a malformed spec, naming the variable", () => {
    expect(() => settings({ SKILL_FLEET_MODEL: "gpt-4" })).toThrow(EnvError);
    expect(() => settings({ SKILL_FLEET_MODEL: "gpt-4" })).toThrow(/SKILL_FLEET_MODEL: must look like provider:model/);
    expect(() => settings({ SKILL_FLEET_MODEL_GENERATE_CONTENT: "mistral:large" })).toThrow(
      /SKILL_FLEET_MODEL_GENERATE_CONTENT: provider must be one of/,
    );
  });

  it.each([
    ["openai:gpt-4.1-mini", "OPENAI_API_KEY"],
    ["anthropic:claude-sonnet-4-5", "ANTHROPIC_API_KEY"],
    ["google:gemini-2.5-flash", "GOOGLE_GENERATIVE_AI_API_KEY"],
  ])("a missing key for %s is a configuration error naming %s", (spec, variable) => {
    const problems = configurationProblems(settings({ SKILL_FLEET_MODEL: spec }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(variable);
    expect(() => assertModelConfiguration(settings({ SKILL_FLEET_MODEL: spec }))).toThrow(LlmConfigError);
  });

  it("checks per-step overrides too", () => {
    const problems = configurationProblems(
      settings({
        SKILL_FLEET_MODEL: "openai:gpt-4.1-mini",
        OPENAI_API_KEY: "sk-test",
        SKILL_FLEET_MODEL_GENERATE_CONTENT: "anthropic:claude-sonnet-4-5",
      }),
    );
    expect(problems).toEqual([expect.stringContaining("ANTHROPIC_API_KEY")]);
    expect(problems[0]).toContain("SKILL_FLEET_MODEL_GENERATE_CONTENT");
  });

  it("refuses an unknown scripted scenario and scripted models in production", () => {
    expect(configurationProblems(settings({ SKILL_FLEET_MODEL: "scripted:nope" }))[0]).toMatch(
      /unknown scripted scenario "nope"/,
    );
    expect(() => parseEnv({ NODE_ENV: "production", SKILL_FLEET_MODEL: "scripted:happy" })).toThrow(
      /refused in production/,
    );
  });

  it("requires a base URL for openai-compatible models", () => {
    expect(() => settings({ SKILL_FLEET_MODEL: "openai-compatible:llama3" })).toThrow(/SKILL_FLEET_LLM_BASE_URL/);
    expect(
      configurationProblems(
        settings({
          SKILL_FLEET_MODEL: "openai-compatible:llama3",
          SKILL_FLEET_LLM_BASE_URL: "http://127.0.0.1:11434/v1",
        }),
      ),
    ).toEqual([]);
  });

  it("picks the default model and the per-step override", async () => {
    const env = settings({
      SKILL_FLEET_MODEL: "openai:gpt-4.1-mini",
      OPENAI_API_KEY: "sk-test",
      SKILL_FLEET_MODEL_ASSESS_QUALITY: "google:gemini-2.5-pro",
      GOOGLE_GENERATIVE_AI_API_KEY: "g-test",
    });
    expect(configurationProblems(env)).toEqual([]);
    expect(stepVariable("assessQuality")).toBe("SKILL_FLEET_MODEL_ASSESS_QUALITY");
    expect(engineFor("generateContent", env)).toBe("openai:gpt-4.1-mini");
    expect(engineFor("assessQuality", env)).toBe("google:gemini-2.5-pro");
    const content = await modelFor("generateContent", env);
    const quality = await modelFor("assessQuality", env);
    expect(content.model && typeof content.model !== "string" ? content.model.provider : "").toBe("openai.responses");
    expect(quality.model && typeof quality.model !== "string" ? quality.model.modelId : "").toBe("gemini-2.5-pro");
  });

  it("creates one client per spec however many steps ask at once (single-flight)", async () => {
    const env = settings({ SKILL_FLEET_MODEL: "anthropic:claude-haiku-4-5", ANTHROPIC_API_KEY: "sk-ant-test" });
    const models = await Promise.all(
      ["gatherRequirements", "analyzeIntent", "generateContent"].map((s) => modelFor(s as "analyzeIntent", env)),
    );
    expect(new Set(models.map((m) => m.model)).size).toBe(1);
  });
});
