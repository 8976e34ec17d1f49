import { buildContext, textFile } from "./context";
import { runRules } from "./engine";
import { contextFromDirectory, contextFromFiles, contextFromZip } from "./sources";
import type { ValidationReport } from "./types";

/**
 * Validation entry points: a pasted SKILL.md, a map of a folder's files, a folder on disk, or a zip. All end in
 * the same rule engine (./engine.ts); the rules are in ./rules/, one small named check per rule id.
 */
export type { Finding, Severity, Tier, ValidationReport } from "./types";
export type { QualityScores } from "../scores";
export { RULES } from "./engine";

/** One SKILL.md text. Without `folderName` the name/folder rule compares the name with itself (the declared name). */
export function validateSkillContent(content: string, options?: { folderName?: string }): ValidationReport {
  const folder = options?.folderName ?? null;
  return runRules(buildContext({ folder, hasFolder: false, files: new Map([["SKILL.md", textFile(content)]]) }));
}

/** A folder's files keyed `folder/SKILL.md`, `folder/references/x.md` (a key ending in "/" is an empty directory). */
export function validateSkillFiles(files: Record<string, string>): ValidationReport {
  return runRules(contextFromFiles(files));
}

export async function validateSkillDirectory(dir: string): Promise<ValidationReport> {
  return runRules(await contextFromDirectory(dir));
}

export async function validateSkillZip(zip: Uint8Array): Promise<ValidationReport> {
  return runRules(contextFromZip(zip));
}
