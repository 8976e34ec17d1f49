import path from "node:path";
import type { Logger } from "pino";
import { SkillDrafts } from "./drafts";
import { FIRST_START_KEY, firstStartBatch } from "./first-start";
import { SkillLibrary } from "./library";
import type { LibraryRepository } from "./types";

/**
 * The library's entry point (docs/library.md): the library and the drafts over one repository, both waiting for
 * the first-start import of the skills folder (once per database, single-flight per process, retried after a
 * failure).
 */
export { SkillLibrary, type ConflictDetails, type LibraryFilter, type SkillSnapshot } from "./library";
export { SkillDrafts, type DraftSnapshot } from "./drafts";
export type { FileChange } from "./diff";
export type { TreeNode } from "./views";
export * from "./types";

export const DEFAULT_SEED_DIR = (): string =>
  path.join(/*turbopackIgnore: true*/ process.cwd(), "server", "skills", "seed");

export interface LibraryOptions {
  /** The skills folder imported on first start. */
  root: string;
  /** Skills imported instead when the folder has none; null for none. */
  seedDir: string | null;
  log: Logger;
}

export interface Library {
  library: SkillLibrary;
  drafts: SkillDrafts;
  /** Resolves once the first-start import is done (the operations await it themselves). */
  ready: () => Promise<void>;
}

export function createLibrary(repo: LibraryRepository, options: LibraryOptions): Library {
  let importing: Promise<void> | null = null;
  const ready = (): Promise<void> => {
    importing ??= repo
      .importOnce(FIRST_START_KEY, () => firstStartBatch(options.root, options.seedDir, options.log))
      .then((imported) => {
        if (imported)
          options.log.info({ root: path.basename(options.root) }, "imported the skills folder into the library");
      })
      .catch((error: unknown) => {
        importing = null;
        throw error;
      });
    return importing;
  };
  return { library: new SkillLibrary(repo, ready), drafts: new SkillDrafts(repo, ready), ready };
}
