import type { EvalResult } from "../../../contracts/eval-result";
import { badRequest, conflict } from "../../common/errors";
import type { JobService } from "../../durable/job-service";
import { fileData, textBytes, textOf } from "../../skills/library/files";
import type { SkillDrafts, SkillFileData, SkillLibrary, VersionRecord } from "../../skills/library/index";
import { parseSkillMd, serializeSkillMd } from "../../skills/skill-md";
import { evalJob, finishedEval } from "./finished-eval";
import type { DecisionRecord, DescriptionDecision, EvalDecisions } from "./repositories/eval-decisions";

/**
 * Accepting or rejecting the description an eval proposed (docs/evals.md, Description tuning). Accepting saves the
 * evaluated version with the new description as a new version: a library version on top of the one evaluated, or a
 * new revision of the job's draft. When the skill moved on since the eval, the save is refused (CONFLICT), as every
 * stale save is: the description was tuned for the version evaluated, not for what came after it.
 */
export interface DescriptionDecisionsDeps {
  jobs: JobService;
  library: SkillLibrary;
  drafts: SkillDrafts;
  decisions: () => Promise<EvalDecisions>;
}

/** SKILL.md with another description; the other frontmatter keys and the body are kept as they were. */
export function withDescription(files: SkillFileData[], description: string): SkillFileData[] {
  return files.map((file) => {
    if (file.path !== "SKILL.md") return file;
    const doc = parseSkillMd(textOf(file) ?? "");
    const text = serializeSkillMd({ frontmatter: { ...doc.frontmatter, description }, body: doc.body });
    return fileData(file.path, textBytes(text));
  });
}

export class DescriptionDecisions {
  constructor(private readonly deps: DescriptionDecisionsDeps) {}

  /** The decision taken on an eval job's proposal, or null; NOT_FOUND for another user's job. */
  async find(userId: string, jobId: string): Promise<DecisionRecord | null> {
    await evalJob(this.deps.jobs, userId, jobId);
    return (await this.deps.decisions()).find(jobId);
  }

  async decide(userId: string, jobId: string, decision: DescriptionDecision): Promise<DecisionRecord> {
    const result = await finishedEval(this.deps.jobs, userId, jobId);
    const proposal = result.tuning?.proposal;
    if (!proposal) throw badRequest(`Eval '${jobId}' proposed no description to ${decision}`);
    const decisions = await this.deps.decisions();
    if (!(await decisions.claim({ jobId, decision, description: proposal, decidedBy: userId }))) {
      const taken = await decisions.find(jobId);
      throw conflict(`The proposed description was already ${taken?.decision === "accept" ? "accepted" : "rejected"}`);
    }
    if (decision === "accept") await this.saveClaimed(decisions, userId, jobId, result, proposal);
    const recorded = await decisions.find(jobId);
    if (!recorded) throw conflict(`The decision on eval '${jobId}' was taken back while it was saved`);
    return recorded;
  }

  private async saveClaimed(decisions: EvalDecisions, userId: string, jobId: string, result: EvalResult, text: string) {
    try {
      const version = await this.save(userId, jobId, result, text);
      await decisions.settle(jobId, version);
    } catch (error) {
      await decisions.release(jobId);
      throw error;
    }
  }

  private async save(userId: string, jobId: string, result: EvalResult, description: string): Promise<VersionRecord> {
    const { version, files } = await this.deps.library.version(result.versionId);
    const tuned = withDescription(files, description);
    const message = `Description tuned by eval ${jobId}`;
    if (version.number !== null) {
      const skill = await this.deps.library.skillOf(version);
      const input = { path: skill.path, baseNumber: version.number, files: tuned, authorId: userId, message };
      return this.deps.library.save({ ...input, origin: "edit" });
    }
    if (!version.jobId) throw badRequest("The version evaluated is neither a library version nor a job's draft");
    const draft = await this.deps.drafts.get(version.jobId);
    if (draft.version.id !== version.id)
      throw conflict("The draft changed since this eval ran: run the eval again on its latest revision");
    const { draft: state } = draft;
    const saved = await this.deps.drafts.save({
      jobId: state.jobId,
      revision: state.revision,
      files: tuned,
      authorId: userId,
      message,
    });
    return saved.version;
  }
}
