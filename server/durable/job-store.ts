import { LRUCache } from "lru-cache";
import { conflict, notFound } from "../common/errors";
import { KeyedLock } from "../common/keyed-lock";
import type { JobRepository } from "./repositories/contracts";
import type { JobPatch, JobRecord, NewJob } from "./types";

export interface JobStoreOptions {
  maxEntries?: number;
  ttlMs?: number;
}

/** Decides the change from the current state (check-then-act); null = nothing to write. */
export type JobMutator = (job: JobRecord) => JobPatch | null;

/** How often a write is retried after another process changed the row (each retry re-reads it). */
const MAX_STALE_RETRIES = 5;

/**
 * The only way to the in-memory job cache (docs/architecture.md, guarantees 1 and 2): a bounded lru-cache in front of
 * the job repository. Loads of uncached jobs are single-flight per id; a copy is cached only if it is newer (`version`)
 * than what is cached; every read-decide-write runs under the job's async mutex and writes conditionally on the version
 * it read, so a change made by another process is re-read, never overwritten.
 */
export class JobStore {
  private readonly cache: LRUCache<string, JobRecord>;
  private readonly loads = new Map<string, Promise<JobRecord | null>>();
  private readonly locks = new KeyedLock();

  constructor(
    private readonly repo: JobRepository,
    options: JobStoreOptions = {},
  ) {
    this.cache = new LRUCache({
      max: options.maxEntries ?? 1_000,
      ttl: options.ttlMs ?? 10 * 60_000,
      updateAgeOnGet: true,
    });
  }

  async get(id: string): Promise<JobRecord | null> {
    return this.cache.get(id) ?? this.load(id);
  }

  async require(id: string): Promise<JobRecord> {
    const job = await this.get(id);
    if (!job) throw notFound(`Job '${id}' not found`);
    return job;
  }

  async create(input: NewJob): Promise<JobRecord> {
    return this.remember(await this.repo.create(input));
  }

  /** Reads the database copy now (after another process may have written) and caches it if it is newer. */
  async refresh(id: string): Promise<JobRecord | null> {
    const row = await this.repo.findById(id);
    return row ? this.remember(row) : (this.cache.delete(id), null);
  }

  /** Caches `row` unless the cache already holds the same or a newer version; returns the winner. */
  remember(row: JobRecord): JobRecord {
    const cached = this.cache.peek(row.id);
    if (cached && cached.version >= row.version) return cached;
    this.cache.set(row.id, row);
    return row;
  }

  /** Runs `fn` holding the job's lock; compound check-then-act operations (answer, cancel, transitions) use it. */
  withLock<T>(id: string, fn: (job: LockedJob) => Promise<T>): Promise<T> {
    return this.locks.run(id, () => fn(new LockedJob(this, id)));
  }

  update(id: string, mutate: JobMutator): Promise<JobRecord> {
    return this.withLock(id, (job) => job.update(mutate));
  }

  /** Version-checked write, called only by LockedJob (the lock is held). */
  async writeUnlocked(id: string, mutate: JobMutator): Promise<JobRecord> {
    let current = await this.require(id);
    for (let attempt = 0; attempt <= MAX_STALE_RETRIES; attempt++) {
      const patch = mutate(current);
      if (!patch) return current;
      const written = await this.repo.updateIfVersion(id, current.version, patch);
      if (written) return this.remember(written);
      const fresh = await this.refresh(id);
      if (!fresh) throw notFound(`Job '${id}' not found`);
      current = fresh;
    }
    throw conflict(`Job '${id}' is being changed concurrently; try again`);
  }

  get cachedCount(): number {
    return this.cache.size;
  }

  get activeLocks(): number {
    return this.locks.size;
  }

  private load(id: string): Promise<JobRecord | null> {
    let pending = this.loads.get(id);
    if (!pending) {
      pending = this.repo
        .findById(id)
        .then((row) => (row ? this.remember(row) : null))
        .finally(() => this.loads.delete(id));
      this.loads.set(id, pending);
    }
    return pending;
  }
}

/** The job as seen by the holder of its lock. */
export class LockedJob {
  constructor(
    private readonly store: JobStore,
    readonly id: string,
  ) {}

  current(): Promise<JobRecord> {
    return this.store.require(this.id);
  }

  update(mutate: JobMutator): Promise<JobRecord> {
    return this.store.writeUnlocked(this.id, mutate);
  }
}
