import type { WorkflowContext } from "../../../server/durable/engine";
import type { JobOptions, JobRecord } from "../../../server/durable/types";
import { newJobRecord } from "../../support/job-record";

/** A job record for running a workflow outside the engine (no database behind it). */
export function benchJob(task: string, options: JobOptions, engine = "offline"): JobRecord {
  const job = { ownerId: "default", requestId: null, task, options, engine, workflow: "skill" };
  return newJobRecord(job, { status: "running", startedAt: new Date() });
}

/**
 * A workflow context that stores nothing: steps just run, events go nowhere. Running a workflow on it measures the
 * workflow's own work, the baseline of what the engine adds around it.
 */
export function memoryContext(job: JobRecord): WorkflowContext {
  const signal = new AbortController().signal;
  return {
    job,
    signal,
    run: (_key, fn) => fn({ signal, reportUsage: () => undefined, reportCall: () => undefined, note: () => undefined }),
    ask: () => Promise.reject(new Error("a bench job asks nothing")),
    emit: async () => undefined,
    token: () => undefined,
    phase: async () => undefined,
    progress: async () => undefined,
    steps: async () => [],
  };
}
