import type { JobRepository } from "../../../server/durable/repositories/contracts";
import type { JobPatch, JobRecord, NewJob } from "../../../server/durable/types";
import { newJobRecord } from "../../support/job-record";

/**
 * An in-memory JobRepository with the database's semantics for what the store uses (versioned conditional
 * writes, copies out, never shared objects), and hooks to hold a read back and count calls.
 */
export class FakeJobRepository implements Partial<JobRepository> {
  readonly rows = new Map<string, JobRecord>();
  calls = { findById: 0, updateIfVersion: 0 };
  /** When set, findById waits for it before answering (with the row as it was when the call started). */
  holdReads: Promise<void> | undefined;

  async create(input: NewJob): Promise<JobRecord> {
    const row = newJobRecord(input);
    this.rows.set(row.id, row);
    return structuredClone(row);
  }

  async findById(id: string): Promise<JobRecord | null> {
    this.calls.findById++;
    const snapshot = this.rows.get(id);
    const copy = snapshot ? structuredClone(snapshot) : null;
    if (this.holdReads) await this.holdReads;
    return copy;
  }

  async updateIfVersion(id: string, version: number, patch: JobPatch): Promise<JobRecord | null> {
    this.calls.updateIfVersion++;
    const row = this.rows.get(id);
    if (!row || row.version !== version) return null;
    const next = { ...row, ...structuredClone(patch), version: version + 1, updatedAt: new Date() };
    this.rows.set(id, next);
    return structuredClone(next);
  }

  asRepository(): JobRepository {
    return this as unknown as JobRepository;
  }
}
