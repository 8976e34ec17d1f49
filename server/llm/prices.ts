import { OFFLINE_ENGINE } from "./models";

/**
 * Estimated cost of a model step (docs/ui.md, Timeline): tokens × the provider's list price. Prices are USD per
 * million tokens, standard tier, no caching or batch discounts, as the providers published them in 2025. A model
 * that is not listed has no estimate: the UI says "cost unknown" rather than guess.
 */
interface Price {
  inputPerMillion: number;
  outputPerMillion: number;
}

const PRICES: Readonly<Record<string, Price>> = {
  "openai:gpt-4.1": { inputPerMillion: 2, outputPerMillion: 8 },
  "openai:gpt-4.1-mini": { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  "openai:gpt-4.1-nano": { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  "openai:gpt-4o": { inputPerMillion: 2.5, outputPerMillion: 10 },
  "openai:gpt-4o-mini": { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  "anthropic:claude-opus-4-1": { inputPerMillion: 15, outputPerMillion: 75 },
  "anthropic:claude-sonnet-4-5": { inputPerMillion: 3, outputPerMillion: 15 },
  "anthropic:claude-haiku-4-5": { inputPerMillion: 1, outputPerMillion: 5 },
  // Gemini 2.5 Pro's price for prompts up to 200k tokens; skill steps stay far below that.
  "google:gemini-2.5-pro": { inputPerMillion: 1.25, outputPerMillion: 10 },
  "google:gemini-2.5-flash": { inputPerMillion: 0.3, outputPerMillion: 2.5 },
  "google:gemini-2.5-flash-lite": { inputPerMillion: 0.1, outputPerMillion: 0.4 },
};

/** "anthropic:claude-sonnet-4-5-20250929" and "…-latest" are priced as "anthropic:claude-sonnet-4-5". */
function priceOf(model: string): Price | undefined {
  return PRICES[model] ?? PRICES[model.replace(/-(\d{8}|latest)$/, "")];
}

/**
 * USD for one step, or null when it cannot be known: the model is not in the table, or the provider reported no
 * token counts. The offline engine costs nothing.
 */
export function estimateCostUsd(model: string, usage: { inputTokens?: number; outputTokens?: number }): number | null {
  if (model === OFFLINE_ENGINE) return 0;
  const price = priceOf(model);
  if (!price || usage.inputTokens === undefined || usage.outputTokens === undefined) return null;
  return (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) / 1_000_000;
}
