import { createAnthropic } from "@ai-sdk/anthropic";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import { processSingleton } from "../common/singleton";
import { LlmConfigError } from "./errors";

/** `provider:model` → a language model of the Vercel AI SDK (docs/architecture.md, "Models"). */
export const PROVIDERS = ["openai", "anthropic", "google", "openai-compatible", "scripted"] as const;
export type Provider = (typeof PROVIDERS)[number];

export interface ModelSpec {
  provider: Provider;
  modelId: string;
  /** The setting it came from, for error messages. */
  variable: string;
}

/** The variable holding each provider's key (undefined: no key needed). */
export const KEY_VARIABLE: Record<Provider, string | undefined> = {
  openai: "OPENAI_API_KEY",
  anthropic: "ANTHROPIC_API_KEY",
  google: "GOOGLE_GENERATIVE_AI_API_KEY",
  "openai-compatible": undefined,
  scripted: undefined,
};

export function parseModelSpec(spec: string, variable: string): ModelSpec {
  const at = spec.indexOf(":");
  const provider = spec.slice(0, at) as Provider;
  const modelId = spec.slice(at + 1).trim();
  if (at < 1 || !modelId)
    throw new LlmConfigError([`${variable}: must look like provider:model, e.g. openai:gpt-4.1-mini (got "${spec}")`]);
  if (!PROVIDERS.includes(provider))
    throw new LlmConfigError([`${variable}: provider must be one of ${PROVIDERS.join(", ")} (got "${provider}")`]);
  if (provider === "scripted") checkScripted(modelId, variable);
  return { provider, modelId, variable };
}

/**
 * The scripted test model lives outside the product (dev/); server/dev-tools.ts registers it when the process is
 * not a production one. Until then `scripted:` specs are refused.
 */
export const SCRIPTED_PROVIDER = "scripted";

export interface ScriptedProvider {
  create(scenario: string): LanguageModel;
  /** The known scenario names. */
  scenarios(): string[];
}

const scripted = processSingleton("llm.scripted-provider", () => ({
  provider: undefined as ScriptedProvider | undefined,
}));

export function registerScriptedProvider(provider: ScriptedProvider): void {
  scripted.provider = provider;
}

function scriptedProvider(variable: string): ScriptedProvider {
  if (scripted.provider) return scripted.provider;
  throw new LlmConfigError([`${variable}: scripted models are for tests and are not loaded in this process`]);
}

function checkScripted(scenario: string, variable: string): void {
  const known = scriptedProvider(variable).scenarios();
  if (!known.includes(scenario)) {
    throw new LlmConfigError([`${variable}: unknown scripted scenario "${scenario}" (known: ${known.join(", ")})`]);
  }
}

export interface ProviderSettings {
  keys: Partial<Record<string, string>>;
  /** The openai-compatible server's root (SKILL_FLEET_LLM_BASE_URL). */
  baseUrl?: string;
  /** Other roots for the hosted providers (proxies, gateways, Azure): SKILL_FLEET_<PROVIDER>_BASE_URL. */
  baseUrls?: Partial<Record<"openai" | "anthropic" | "google", string>>;
  /** Extra headers on every request (SKILL_FLEET_LLM_HEADERS). */
  headers?: Record<string, string>;
  /** Replaces the HTTP client (recorded exchanges in tests). */
  fetch?: typeof globalThis.fetch;
}

function keyFor(spec: ModelSpec, settings: ProviderSettings): string {
  const variable = KEY_VARIABLE[spec.provider];
  const key = variable ? settings.keys[variable] : undefined;
  if (variable && !key)
    throw new LlmConfigError([`${variable}: is required for ${spec.variable}=${spec.provider}:${spec.modelId}`]);
  return key ?? "";
}

function compatibleModel(spec: ModelSpec, settings: ProviderSettings): LanguageModel {
  if (!settings.baseUrl)
    throw new LlmConfigError([
      `SKILL_FLEET_LLM_BASE_URL: is required for ${spec.variable}=openai-compatible:${spec.modelId}`,
    ]);
  return createOpenAICompatible({
    name: "openai-compatible",
    baseURL: settings.baseUrl,
    apiKey: settings.keys.SKILL_FLEET_LLM_API_KEY,
    headers: settings.headers,
    fetch: settings.fetch,
    supportsStructuredOutputs: true,
    // Streamed replies carry token counts only when asked (stream_options.include_usage).
    includeUsage: true,
  })(spec.modelId);
}

export function createLanguageModel(spec: ModelSpec, settings: ProviderSettings): LanguageModel {
  const apiKey = keyFor(spec, settings);
  const common = { apiKey, fetch: settings.fetch, headers: settings.headers };
  switch (spec.provider) {
    case "openai":
      return createOpenAI({ ...common, baseURL: settings.baseUrls?.openai })(spec.modelId);
    case "anthropic":
      return createAnthropic({ ...common, baseURL: settings.baseUrls?.anthropic })(spec.modelId);
    case "google":
      return createGoogleGenerativeAI({ ...common, baseURL: settings.baseUrls?.google })(spec.modelId);
    case "openai-compatible":
      return compatibleModel(spec, settings);
    case "scripted":
      return scriptedProvider(spec.variable).create(spec.modelId);
  }
}
