import type { JobSystem } from "../../../server/durable/job-system";
import type { JobRecord } from "../../../server/durable/types";

/** Waits for the job's end event (completed or failed) on the system's bus, then reads the finished job. */
export async function finishedJob(system: JobSystem, jobId: string): Promise<JobRecord> {
  await new Promise<void>((resolve) => {
    const stop = system.events.bus.subscribe(jobId, (event) => {
      if (event.type !== "completed" && event.type !== "failed") return;
      stop();
      resolve();
    });
  });
  return system.store.require(jobId);
}
