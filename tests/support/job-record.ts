import { randomUUID } from "node:crypto";
import type { JobRecord, NewJob } from "../../server/durable/types";

/**
 * A job row as the database would return it right after creation, for code that runs without one (the in-memory
 * repository of the store's tests, the benches' workflow-only runs); `overrides` sets what differs.
 */
export function newJobRecord(input: NewJob, overrides: Partial<JobRecord> = {}): JobRecord {
  const now = new Date();
  return {
    ...input,
    id: randomUUID(),
    context: input.context ?? {},
    status: "pending",
    phase: null,
    progress: 0,
    progressMessage: null,
    result: null,
    error: null,
    cancelRequested: false,
    leaseOwner: null,
    leaseExpiresAt: null,
    lastSeq: 0,
    version: 0,
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    completedAt: null,
    ...overrides,
  };
}
