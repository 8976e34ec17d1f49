/**
 * The one way this server keeps a process-wide instance. Next.js may load a module more than once in one process
 * (route bundles, instrumentation, HMR), so a module-level `let` is not enough: instances live on globalThis under
 * a named symbol, and every copy of a module finds the same one.
 */
function slot<T>(key: string): { value?: T } {
  const registry = globalThis as unknown as Record<symbol, { value?: T } | undefined>;
  const symbol = Symbol.for(`skill-fleet.singleton.${key}`);
  registry[symbol] ??= {};
  return registry[symbol];
}

/** A process-wide value created on first use (synchronously: loggers, in-memory registries). */
export function processSingleton<T>(key: string, create: () => T): T {
  const held = slot<T>(key);
  held.value ??= create();
  return held.value;
}

export interface LazySingleton<T> {
  get(): Promise<T>;
  /** Installs a ready instance (tests, tools that opened their own). */
  set(value: T): void;
  /** Forgets the instance and returns it, so the caller can close it. */
  reset(): Promise<T | undefined>;
}

/**
 * Single-flight lazy initialisation (docs/architecture.md, guarantee 7): however many callers arrive before the
 * first initialisation finishes, `init` runs once and they all get the same instance. A failed initialisation is
 * forgotten so the next caller can retry.
 */
export function lazySingleton<T>(key: string, init: () => Promise<T>): LazySingleton<T> {
  const held = slot<Promise<T>>(key);
  const get = (): Promise<T> => {
    held.value ??= init().catch((error: unknown) => {
      held.value = undefined;
      throw error;
    });
    return held.value;
  };
  const reset = async (): Promise<T | undefined> => {
    const pending = held.value;
    held.value = undefined;
    return pending?.catch(() => undefined);
  };
  const set = (value: T): void => {
    held.value = Promise.resolve(value);
  };
  return { get, set, reset };
}
