import { toJsonObject } from "../../../contracts/json";
import { validateSkillBytes, type ValidationReport } from "../validator/index";
import { checkedFileSet, factsOf } from "./files";
import type { NewVersion, SkillFacts, SkillFileData, VersionOrigin } from "./types";

/** A version about to be written: its files checked, its facts read, its validation run once, here. */
export interface VersionInput {
  skillPath: string;
  files: SkillFileData[];
  authorId: string;
  message: string;
  origin: VersionOrigin;
  jobId?: string | null;
  parentId?: string | null;
}

export function validateVersionFiles(skillPath: string, files: SkillFileData[]): ValidationReport {
  const folder = skillPath.split("/").at(-1) ?? "skill";
  return validateSkillBytes(folder, new Map(files.map((file) => [file.path, file.bytes])));
}

export function prepareVersion(input: VersionInput): { facts: SkillFacts; version: NewVersion } {
  const files = checkedFileSet(input.files);
  const facts = factsOf(input.skillPath, files);
  const version: NewVersion = {
    authorId: input.authorId,
    message: input.message.trim().slice(0, 2_000),
    origin: input.origin,
    jobId: input.jobId ?? null,
    parentId: input.parentId ?? null,
    name: facts.name,
    description: facts.description,
    validation: toJsonObject(validateVersionFiles(input.skillPath, files)),
    files,
  };
  return { facts, version };
}
