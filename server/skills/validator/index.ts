import { buildContext, textFile } from "./context";
import { runRules } from "./engine";
import { contextFromBytes, contextFromDirectory, contextFromFiles, contextFromZip } from "./sources";
import type { ValidationReport } from "./types";

/**
 * Validation entry points: a pasted SKILL.md, a map of a folder's files, a folder on disk, or a zip. All end in
 * the same rule engine (./engine.ts); the rules are in ./rules/, one small named check per rule id, and the
 * content score comes from the quality model (../quality).
 */
export type { Finding, Severity, Tier, ValidationReport } from "./types";
export { RULES } from "./engine";

export interface ValidateOptions {
  /** Pass mark for the content score; SKILL_FLEET_QUALITY_THRESHOLD when absent. */
  threshold?: number;
}

/** One SKILL.md text. Without `folderName` the name/folder rule compares the name with itself (the declared name). */
export function validateSkillContent(
  content: string,
  options?: ValidateOptions & { folderName?: string },
): ValidationReport {
  const folder = options?.folderName ?? null;
  const files = new Map([["SKILL.md", textFile(content)]]);
  return runRules(buildContext({ folder, hasFolder: false, files, threshold: options?.threshold }));
}

/**
 * A folder's files keyed from inside it (`SKILL.md`, `references/x.md`, named by `folderName` when given) or under
 * one folder (`folder/SKILL.md`, `folder/references/x.md`); a key ending in "/" is an empty directory.
 */
export function validateSkillFiles(
  files: Record<string, string>,
  options?: ValidateOptions & { folderName?: string },
): ValidationReport {
  return runRules(contextFromFiles(files, options?.threshold, options?.folderName));
}

export async function validateSkillDirectory(dir: string, options?: ValidateOptions): Promise<ValidationReport> {
  return runRules(await contextFromDirectory(dir, options?.threshold));
}

export async function validateSkillZip(zip: Uint8Array, options?: ValidateOptions): Promise<ValidationReport> {
  return runRules(await contextFromZip(zip, options?.threshold));
}

/** A skill folder's files as bytes (a stored version), named `folder` in the findings. */
export function validateSkillBytes(
  folder: string,
  files: Map<string, Uint8Array>,
  options?: ValidateOptions,
): ValidationReport {
  return runRules(contextFromBytes(folder, files, [], options?.threshold));
}
