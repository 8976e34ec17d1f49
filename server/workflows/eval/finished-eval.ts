import { evalResultSchema, type EvalResult } from "../../../contracts/eval-result";
import { badRequest } from "../../common/errors";
import type { JobService } from "../../durable/job-service";
import type { JobRecord } from "../../durable/types";

/**
 * An eval job the caller may see (NOT_FOUND otherwise), refused with BAD_REQUEST when the job is not an eval. What
 * people do with an eval's result afterwards (feedback, a decision on its description) needs it finished as well.
 */
export async function evalJob(jobs: JobService, userId: string, jobId: string): Promise<JobRecord> {
  const job = await jobs.get(userId, jobId);
  if (job.workflow !== "eval") throw badRequest(`Job '${jobId}' is not an eval`);
  return job;
}

export async function finishedEval(jobs: JobService, userId: string, jobId: string): Promise<EvalResult> {
  const job = await evalJob(jobs, userId, jobId);
  const parsed = evalResultSchema.safeParse(job.result);
  if (job.status !== "completed" || !parsed.success)
    throw badRequest(`Eval '${jobId}' is not finished (it is ${job.status})`);
  return parsed.data;
}
