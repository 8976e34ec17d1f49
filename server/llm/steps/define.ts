import type { StepDefinition } from "./types";

/** Identity helper so each step's I/O types are inferred from its schemas. */
export function defineStep<I, O>(definition: StepDefinition<I, O>): StepDefinition<I, O> {
  return definition;
}
