import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Background work (running jobs, sweeping) versus work someone waits for (requests). The embedded database has one
 * connection; what runs inside `inBackground` queues behind requests there (server/db/priority-gate.ts), so job
 * execution does not starve creation (docs/performance.md, Creation under load). The mark follows the work through
 * every await (AsyncLocalStorage), whatever the code in between.
 */
const background = new AsyncLocalStorage<true>();

export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

export const isBackgroundWork = (): boolean => background.getStore() === true;
