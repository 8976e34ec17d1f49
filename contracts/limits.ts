/**
 * The default number of tRPC calls one HTTP request may carry (SKILL_FLEET_MAX_BATCH); the UI's and the CLI's
 * batch links split larger batches so they never exceed it.
 */
export const DEFAULT_MAX_BATCH = 20;
