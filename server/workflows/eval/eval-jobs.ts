import { evalJobOptionsSchema, evalResultSchema, type EvalResult } from "../../../contracts/eval-result";
import { badRequest } from "../../common/errors";
import type { JobService } from "../../durable/job-service";
import type { JobRecord } from "../../durable/types";
import { engineFor, OFFLINE_ENGINE } from "../../llm/models";
import { EVALS_NEED_A_MODEL } from "../../llm/steps/answer-eval-case";
import type { StepName } from "../../llm/steps/names";
import type { SkillDrafts, SkillLibrary, VersionRecord } from "../../skills/library/index";
import { evalSuiteOf } from "./eval-files";
import { evalJob, finishedEval } from "./finished-eval";
import type { EvalRunRecord, EvalRuns } from "./repositories/eval-runs";
import type { EvalFeedback, EvalFeedbackRecord, FeedbackRating, FeedbackSide } from "./repositories/eval-feedback";

/**
 * Starting an eval job (docs/evals.md): from a finished job's draft or a library skill at a version. Everything
 * that would make the run pointless is refused here, before a job exists: no model configured (nothing is
 * simulated), or eval files that do not parse (a typed error naming the field).
 */
export type EvalSource = { kind: "job"; jobId: string } | { kind: "library"; path: string; version?: number };

export interface StartEvalJob {
  source: EvalSource;
  runs?: number;
  requestId?: string;
  /** A library version of the same skill for the "without" side to load instead of no skill. */
  compareWith?: number;
  /** Propose a better description from the trigger misses (default true). */
  tune?: boolean;
}

export interface EvalJobsDeps {
  jobs: JobService;
  library: SkillLibrary;
  drafts: SkillDrafts;
  /** Finished evals by skill (read on demand: the database is opened after the services are built). */
  runs: () => Promise<EvalRuns>;
  /** People's feedback on each output (read on demand, like `runs`). */
  feedback: () => Promise<EvalFeedback>;
}

export interface FinishedEval {
  jobId: string;
  createdAt: Date;
  result: EvalResult;
}

function finished(record: EvalRunRecord | undefined): FinishedEval | null {
  const parsed = evalResultSchema.safeParse(record?.result);
  return record && parsed.success ? { jobId: record.jobId, createdAt: record.createdAt, result: parsed.data } : null;
}

const EVAL_STEPS: StepName[] = ["answerEvalCase", "judgeEvalAnswer", "chooseSkill"];
const TUNING_STEPS: StepName[] = [...EVAL_STEPS, "proposeDescription"];

interface Resolved {
  version: VersionRecord;
  skillPath: string;
  files: Parameters<typeof evalSuiteOf>[0];
}

/** The engine label of an eval job: the model that answers the cases. */
function evalEngine(tune: boolean): string {
  const steps = tune ? TUNING_STEPS : EVAL_STEPS;
  if (steps.some((step) => engineFor(step) === OFFLINE_ENGINE)) throw badRequest(EVALS_NEED_A_MODEL);
  return engineFor("answerEvalCase");
}

/** The job's task line in the history: which skill, at which version (or its draft). */
function evalTask({ skillPath, version }: Resolved): string {
  return `Eval of ${skillPath} (${version.number ? `version ${version.number}` : "draft"})`;
}

export class EvalJobs {
  constructor(private readonly deps: EvalJobsDeps) {}

  async start(userId: string, input: StartEvalJob): Promise<JobRecord> {
    const engine = evalEngine(input.tune ?? true);
    const source = await this.resolve(userId, input.source);
    evalSuiteOf(source.files);
    const baseline = await this.baseline(source, input.compareWith);
    const { job } = await this.deps.jobs.create({
      ownerId: userId,
      task: evalTask(source),
      options: evalJobOptionsSchema.parse({
        sourceVersionId: source.version.id,
        skillPath: source.skillPath,
        versionNumber: source.version.number,
        runs: input.runs,
        baselineVersionId: baseline?.id ?? null,
        baselineVersionNumber: baseline?.number ?? null,
        tune: input.tune,
      }),
      requestId: input.requestId,
      engine,
      workflow: "eval",
    });
    return job;
  }

  /**
   * An eval job's result and the caller's previous finished eval of the same skill (the comparison); NOT_FOUND for
   * another user's job, BAD_REQUEST for a job that is not an eval.
   */
  async result(userId: string, jobId: string) {
    const job = await evalJob(this.deps.jobs, userId, jobId);
    const parsed = evalResultSchema.safeParse(job.result);
    const { skillPath } = evalJobOptionsSchema.parse(job.options);
    const runs = await this.deps.runs();
    const [before] = await runs.recent(job.ownerId, skillPath, { before: job.createdAt });
    const feedback = await (await this.deps.feedback()).list(job.id, userId);
    return { job, result: parsed.success ? parsed.data : null, previous: finished(before), feedback };
  }

  /** The caller's latest finished eval of a library skill (its page shows it), or null. */
  async latest(userId: string, skillPath: string): Promise<FinishedEval | null> {
    const [latest] = await (await this.deps.runs()).recent(userId, skillPath);
    return finished(latest);
  }

  /** The library version to compare with: another version of the same skill (NOT_FOUND when it has none such). */
  private async baseline(source: Resolved, compareWith: number | undefined): Promise<VersionRecord | null> {
    if (compareWith === undefined) return null;
    if (source.version.number === compareWith)
      throw badRequest(`compareWith: version ${compareWith} is the version under test; compare it with another one`, {
        field: "compareWith",
      });
    return (await this.deps.library.get(source.skillPath, compareWith)).version;
  }

  private async resolve(userId: string, source: EvalSource): Promise<Resolved> {
    if (source.kind === "library") {
      const { skill, version, files } = await this.deps.library.get(source.path, source.version);
      return { version, skillPath: skill.path, files };
    }
    await this.deps.jobs.get(userId, source.jobId); // NOT_FOUND unless the caller may see the job
    const draft = await this.deps.drafts.get(source.jobId);
    return { version: draft.version, skillPath: draft.skill.path, files: draft.files };
  }

  /**
   * The caller's feedback on one output of a finished eval (docs/evals.md, Feedback), replacing what they wrote on
   * it before. Clearing both the rating and the note stores an empty row: it reads as no feedback. NOT_FOUND for
   * another user's job; BAD_REQUEST naming the field for an output the eval does not have.
   */
  async feedback(userId: string, input: EvalFeedbackInput): Promise<EvalFeedbackRecord> {
    assertOutputExists(await finishedEval(this.deps.jobs, userId, input.jobId), input);
    return (await this.deps.feedback()).save({ ...input, userId });
  }
}

/** One output of an eval (case, side, run) and what the caller says about it. */
export interface EvalFeedbackInput {
  jobId: string;
  caseId: string;
  side: FeedbackSide;
  run: number;
  rating: FeedbackRating | null;
  note: string;
}

/** A side as the page names it: the baseline is no skill, or the version compared with. */
function sideWords(result: EvalResult, side: FeedbackSide): string {
  if (side === "with") return "with the skill";
  return result.baseline.kind === "version" ? `against version ${result.baseline.versionNumber}` : "without the skill";
}

/** BAD_REQUEST naming the first field that points at nothing in the result: `run: case 2 has no run 7 with …`. */
function assertOutputExists(result: EvalResult, { caseId, side, run }: EvalFeedbackInput): void {
  const found = result.functional?.cases.find((c) => c.caseId === caseId);
  if (!found) throw badRequest(`caseId: the eval has no case ${caseId}`);
  if (!found.runs[side].some((r) => r.run === run))
    throw badRequest(`run: case ${caseId} has no run ${run} ${sideWords(result, side)}`);
}
