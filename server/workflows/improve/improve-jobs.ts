import { improveJobOptionsSchema } from "../../../contracts/improve-job";
import { badRequest } from "../../common/errors";
import type { JobService } from "../../durable/job-service";
import type { JobRecord } from "../../durable/types";
import { unzipSkill } from "../../skills/archive";
import { factsOf, fileData, resolveFileInputs, textBytes, type FileInput } from "../../skills/library/files";
import type { SkillFileData, SkillLibrary, VersionRecord } from "../../skills/library/index";

/**
 * Starting an improve job (docs/library.md, Improve): the skill it starts from is resolved to a stored version
 * first — a library skill at a version, or an uploaded zip, a folder's files or a pasted SKILL.md kept as a version
 * outside the numbered history — so the job carries only ids and the draft it writes has a real parent.
 */
export type ImproveSource =
  | { kind: "library"; path: string; version?: number }
  | { kind: "zip"; zip: Uint8Array; path?: string }
  | { kind: "files"; files: FileInput[]; path: string }
  | { kind: "skillMd"; skillMd: string; path?: string };

export interface StartImproveJob {
  source: ImproveSource;
  instructions: string;
  options?: { previewContent?: boolean; streamTokens?: boolean };
  requestId?: string;
}

export interface ImproveJobsDeps {
  jobs: JobService;
  library: SkillLibrary;
  engine: () => string;
}

interface ResolvedSource {
  version: VersionRecord;
  skillPath: string;
  baseNumber: number;
}

/** The path an upload goes to: the one given, else the zip's folder, else the name in its SKILL.md. */
function uploadPath(given: string | undefined, fallback: string | null, files: SkillFileData[]): string {
  const path = given?.trim() || fallback || factsOf("skill", files).name;
  if (!path) throw badRequest("Name the skill's path");
  return path;
}

export class ImproveJobs {
  constructor(private readonly deps: ImproveJobsDeps) {}

  async start(userId: string, input: StartImproveJob): Promise<JobRecord> {
    const source = await this.resolve(userId, input.source);
    const { job } = await this.deps.jobs.create({
      ownerId: userId,
      task: input.instructions.trim(),
      options: improveJobOptionsSchema.parse({
        sourceVersionId: source.version.id,
        skillPath: source.skillPath,
        baseNumber: source.baseNumber,
        ...input.options,
      }),
      requestId: input.requestId,
      engine: this.deps.engine(),
      workflow: "improve",
    });
    return job;
  }

  private async resolve(userId: string, source: ImproveSource): Promise<ResolvedSource> {
    if (source.kind === "library") {
      const { skill, version } = await this.deps.library.get(source.path, source.version);
      return { version, skillPath: skill.path, baseNumber: version.number ?? skill.headNumber };
    }
    const { files, folder } = await this.uploaded(source);
    const path = uploadPath(source.path, folder, files);
    const kept = await this.deps.library.keepUnnumbered({ path, files, authorId: userId });
    const skill = await this.deps.library.skillOf(kept.version);
    return { version: kept.version, skillPath: skill.path, baseNumber: kept.baseNumber };
  }

  private async uploaded(source: Exclude<ImproveSource, { kind: "library" }>) {
    if (source.kind === "zip") {
      const unzipped = await unzipSkill(source.zip);
      return { files: [...unzipped.files].map(([name, bytes]) => fileData(name, bytes)), folder: unzipped.folder };
    }
    if (source.kind === "files") return { files: resolveFileInputs(source.files, []), folder: null };
    return { files: [fileData("SKILL.md", textBytes(source.skillMd))], folder: null };
  }
}
