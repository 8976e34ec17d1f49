/**
 * Single-flight lazy initialisation (SPEC §4 guarantee 7): however many callers arrive before the first
 * initialisation finishes, `init` runs once and they all get the same instance. A failed initialisation is
 * forgotten so the next caller can retry. The promise lives on globalThis under `key` because Next.js may load a
 * module more than once in one process (route bundles, instrumentation, HMR).
 */
type Slot<T> = { promise?: Promise<T> };

function slotFor<T>(key: string): Slot<T> {
  const registry = globalThis as unknown as Record<symbol, Slot<T> | undefined>;
  const symbol = Symbol.for(`skill-fleet.singleton.${key}`);
  registry[symbol] ??= {};
  return registry[symbol];
}

export interface LazySingleton<T> {
  get(): Promise<T>;
  /** Installs a ready instance (tests, tools that opened their own). */
  set(value: T): void;
  /** Forgets the instance and returns it, so the caller can close it. */
  reset(): Promise<T | undefined>;
}

export function lazySingleton<T>(key: string, init: () => Promise<T>): LazySingleton<T> {
  const slot = slotFor<T>(key);
  const get = (): Promise<T> => {
    slot.promise ??= init().catch((error: unknown) => {
      slot.promise = undefined;
      throw error;
    });
    return slot.promise;
  };
  const reset = async (): Promise<T | undefined> => {
    const pending = slot.promise;
    slot.promise = undefined;
    return pending?.catch(() => undefined);
  };
  const set = (value: T): void => {
    slot.promise = Promise.resolve(value);
  };
  return { get, set, reset };
}
