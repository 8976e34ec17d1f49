import type { LanguageModel } from "ai";
import { env, type Env } from "../common/env";
import { lazySingleton } from "../common/singleton";
import { LlmConfigError } from "./errors";
import { createLanguageModel, parseModelSpec, type ModelSpec, type ProviderSettings } from "./providers";
import { STEP_NAMES, stepEnvSuffix, type StepName } from "./steps/names";

/**
 * Model selection (docs/architecture.md, Models): SKILL_FLEET_MODEL for every step, SKILL_FLEET_MODEL_<STEP> per step,
 * nothing set → the offline engine. Clients are created lazily, once per spec (single-flight, docs/architecture.md,
 * guarantee 7).
 */
export const OFFLINE_ENGINE = "offline";

export function stepVariable(step: StepName): string {
  return `SKILL_FLEET_MODEL_${stepEnvSuffix(step)}`;
}

/** The spec that applies to a step and the variable it came from; undefined spec = offline. */
export function modelSettingFor(step: StepName, settings: Env = env()): { spec?: string; variable: string } {
  const variable = stepVariable(step);
  const override = (settings as unknown as Record<string, string | undefined>)[variable];
  if (override) return { spec: override, variable };
  return { spec: settings.SKILL_FLEET_MODEL, variable: "SKILL_FLEET_MODEL" };
}

/** The engine label of a step: `offline` or `provider:model`. */
export function engineFor(step: StepName, settings: Env = env()): string {
  return modelSettingFor(step, settings).spec ?? OFFLINE_ENGINE;
}

function providerSettings(settings: Env): ProviderSettings {
  return {
    keys: {
      OPENAI_API_KEY: settings.OPENAI_API_KEY,
      ANTHROPIC_API_KEY: settings.ANTHROPIC_API_KEY,
      GOOGLE_GENERATIVE_AI_API_KEY: settings.GOOGLE_GENERATIVE_AI_API_KEY,
      SKILL_FLEET_LLM_API_KEY: settings.SKILL_FLEET_LLM_API_KEY,
    },
    baseUrl: settings.SKILL_FLEET_LLM_BASE_URL,
    baseUrls: {
      openai: settings.SKILL_FLEET_OPENAI_BASE_URL,
      anthropic: settings.SKILL_FLEET_ANTHROPIC_BASE_URL,
      google: settings.SKILL_FLEET_GOOGLE_BASE_URL,
    },
    headers: settings.SKILL_FLEET_LLM_HEADERS,
  };
}

function configuredSpecs(settings: Env): { spec: string; variable: string }[] {
  const all = [
    { spec: settings.SKILL_FLEET_MODEL, variable: "SKILL_FLEET_MODEL" },
    ...STEP_NAMES.map((step) => modelSettingFor(step, settings)),
  ];
  return all.filter((entry): entry is { spec: string; variable: string } => Boolean(entry.spec));
}

/** Every problem of the model configuration (unknown provider or scenario, missing key or base URL). */
export function configurationProblems(settings: Env = env()): string[] {
  const problems = new Set<string>();
  for (const { spec, variable } of configuredSpecs(settings)) {
    try {
      createLanguageModel(parseModelSpec(spec, variable), providerSettings(settings));
    } catch (error) {
      if (!(error instanceof LlmConfigError)) throw error;
      error.problems.forEach((p) => problems.add(p));
    }
  }
  return [...problems];
}

/** Start-up check: a chosen provider without its key is an error now, not in the middle of a job. */
export function assertModelConfiguration(settings: Env = env()): void {
  const problems = configurationProblems(settings);
  if (problems.length) throw new LlmConfigError(problems);
}

type Override = (step: StepName) => LanguageModel | undefined;
const overrides: { current?: Override } = {};

/** Tests: serve some steps from a given model (return undefined to fall through to the configuration). */
export function overrideModelsForTests(override?: Override): void {
  overrides.current = override;
}

export interface ModelChoice {
  engine: string;
  /** Undefined: the offline engine. */
  model?: LanguageModel;
}

function clientFor(spec: ModelSpec, settings: Env): Promise<LanguageModel> {
  const provider = providerSettings(settings);
  // One client per spec and endpoint: a changed base URL or header set gets a client of its own.
  const endpoint = JSON.stringify([provider.baseUrl, provider.baseUrls, provider.headers]);
  const key = `llm.model.${spec.provider}:${spec.modelId}@${endpoint}`;
  return lazySingleton(key, async () => createLanguageModel(spec, provider)).get();
}

export async function modelFor(step: StepName, settings: Env = env()): Promise<ModelChoice> {
  const overridden = overrides.current?.(step);
  if (overridden) return { engine: engineLabel(overridden), model: overridden };
  const { spec, variable } = modelSettingFor(step, settings);
  if (!spec) return { engine: OFFLINE_ENGINE };
  return { engine: spec, model: await clientFor(parseModelSpec(spec, variable), settings) };
}

export function engineLabel(model: LanguageModel): string {
  if (typeof model === "string") return model;
  return `${model.provider.split(".")[0]}:${model.modelId}`;
}
